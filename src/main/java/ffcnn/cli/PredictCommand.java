package ffcnn.cli;

import ai.djl.ndarray.NDManager;
import ffcnn.data.ImageFile;
import ffcnn.data.ImageSet;
import ffcnn.method.TrainedModel;
import ffcnn.predict.Evaluator;
import ffcnn.predict.LayerScores;
import ffcnn.predict.PredictionStrategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ffcnn predict}: class, per-class probabilities and per-layer votes for image files. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify image files (PNG, JPEG, ...) with a trained model.")
public final class PredictCommand extends EngineCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Run folder or model file.")
    Path model;

    @Option(names = "--strategy", description = "Prediction strategy (default: the model's).")
    String strategy;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files.")
    List<Path> images;

    @Override
    protected int run(PrintWriter out) {
        try (NDManager m = NDManager.newBaseManager(); TrainedModel tm = TrainedModel.load(model, m)) {
            int[] shape = tm.header().input();
            List<String> names = tm.header().state().classNames();
            PredictionStrategy s = tm.strategy(strategy != null ? strategy : tm.config().predict().strategy());
            for (Path file : images) {
                ImageSet one = ImageFile.read(file, shape[0], shape[1], shape[2], names.size());
                LayerScores scores = Evaluator.scores(tm.network(), one, tm.normalization(), 1, tm.epoch());
                print(out, file, names, s, scores);
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, Path file, List<String> names, PredictionStrategy s, LayerScores scores) {
        float[] combined = s.combine(scores, 0);
        double[] p = softmax(combined);
        int best = LayerScores.argmax(combined, 0, combined.length);
        out.printf("%s: %s (%.4f, %s)%n", file, names.get(best), p[best], s.name());
        StringBuilder probs = new StringBuilder("  probabilities:");
        for (int k = 0; k < p.length; k++) {
            probs.append(String.format(" %s=%.4f", names.get(k), p[k]));
        }
        out.println(probs);
        StringBuilder votes = new StringBuilder("  layer votes:");
        for (int l = 0; l < scores.layers(); l++) {
            int vote = LayerScores.argmax(scores.values(), l * scores.classes(), scores.classes());
            votes.append(String.format(" %d=%s", l, names.get(vote)));
        }
        out.println(votes);
    }

    static double[] softmax(float[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            max = Math.max(max, x);
        }
        double[] p = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            p[i] = Math.exp(v[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < v.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
