package ffcnn.cli;

import ai.djl.ndarray.NDManager;
import ffcnn.UserInputException;
import ffcnn.data.ImageSet;
import ffcnn.method.TrainedModel;
import ffcnn.nn.Devices;
import ffcnn.predict.Evaluator;
import ffcnn.predict.LayerScores;
import ffcnn.predict.PredictionStrategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ffcnn predict}: class, probabilities and per-layer votes for image files or folders of them. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify image files (PNG, JPEG, BMP, GIF), or every image in a folder, with a trained model.")
public final class PredictCommand extends EngineCommand {

    private static final int BATCH = 64;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Run folder or model file.")
    Path model;

    @Option(names = "--strategy", description = "Prediction strategy (default: the model's): loss-aware, best-range,"
            + " last-layer, all-layers, goodness, or the model's read-out (linear-heads, neutral-linear, softmax-linear).")
    String strategy;

    @Option(names = "--top", paramLabel = "K", description = "Show the K most likely classes (default: text all, CSV 1).")
    Integer top;

    @Option(names = "--format", defaultValue = "auto",
            description = "text, csv (file,class,probability[,class_2,probability_2...]), or auto: csv when a "
                    + "folder is given. Default: ${DEFAULT-VALUE}.")
    String format;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files or folders of images.")
    List<Path> images;

    @Override
    protected int run(PrintWriter out) {
        boolean csv = csv();
        List<Path> files = ImageInputs.expand(images);
        try (NDManager m = Devices.newManager(); TrainedModel tm = TrainedModel.load(model, m)) {
            List<String> names = tm.header().state().classNames();
            int k = top != null ? top : csv ? 1 : names.size();
            if (k < 1 || k > names.size()) {
                throw new UserInputException("--top must be between 1 and " + names.size() + ", got " + k);
            }
            PredictionStrategy s = tm.strategy(strategy != null ? strategy : tm.config().predict().strategy());
            if (csv) {
                out.println(csvHeader(k));
            }
            for (int from = 0; from < files.size(); from += BATCH) {
                List<Path> chunk = files.subList(from, Math.min(files.size(), from + BATCH));
                ImageSet set = ImageInputs.read(chunk, tm.header().input(), names.size());
                LayerScores scores = Evaluator.scores(tm.network(), set, tm.normalization(), BATCH, tm.epoch());
                for (int i = 0; i < chunk.size(); i++) {
                    double[] p = softmax(s.combine(scores, i));
                    if (csv) {
                        out.println(csvLine(chunk.get(i), names, p, k));
                    } else {
                        print(out, chunk.get(i), names, s, p, k, votes(scores, i, names));
                    }
                }
            }
        }
        return 0;
    }

    private boolean csv() {
        return switch (format) {
            case "csv" -> true;
            case "text" -> false;
            case "auto" -> images.stream().anyMatch(java.nio.file.Files::isDirectory);
            default -> throw new UserInputException("--format must be text, csv or auto, got '" + format + "'");
        };
    }

    private static void print(PrintWriter out, Path file, List<String> names, PredictionStrategy s, double[] p,
            int k, String votes) {
        int[] order = ranked(p);
        out.printf(Locale.ROOT, "%s: %s (%.4f, %s)%n", file, names.get(order[0]), p[order[0]], s.name());
        StringBuilder probs = new StringBuilder(k == p.length ? "  probabilities:" : "  top " + k + ":");
        for (int r = 0; r < k; r++) {
            int c = k == p.length ? r : order[r];
            probs.append(String.format(Locale.ROOT, " %s=%.4f", names.get(c), p[c]));
        }
        out.println(probs);
        out.println("  layer votes:" + votes);
    }

    private static String votes(LayerScores scores, int i, List<String> names) {
        StringBuilder votes = new StringBuilder();
        int stride = scores.layers() * scores.classes();
        for (int l = 0; l < scores.layers(); l++) {
            int vote = LayerScores.argmax(scores.values(), i * stride + l * scores.classes(), scores.classes());
            votes.append(String.format(" %d=%s", l, names.get(vote)));
        }
        return votes.toString();
    }

    static String csvHeader(int k) {
        StringBuilder h = new StringBuilder("file,class,probability");
        for (int r = 2; r <= k; r++) {
            h.append(",class_").append(r).append(",probability_").append(r);
        }
        return h.toString();
    }

    static String csvLine(Path file, List<String> names, double[] p, int k) {
        int[] order = ranked(p);
        StringBuilder line = new StringBuilder(csvField(file.toString()));
        for (int r = 0; r < k; r++) {
            line.append(',').append(csvField(names.get(order[r])))
                    .append(String.format(Locale.ROOT, ",%.4f", p[order[r]]));
        }
        return line.toString();
    }

    private static String csvField(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Class indices by falling probability. */
    static int[] ranked(double[] p) {
        return java.util.stream.IntStream.range(0, p.length).boxed()
                .sorted((a, b) -> Double.compare(p[b], p[a])).mapToInt(Integer::intValue).toArray();
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
