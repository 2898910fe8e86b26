package ffcnn.cli;

import ai.djl.ndarray.NDManager;
import ffcnn.data.DataRequest;
import ffcnn.data.DataSplits;
import ffcnn.data.Datasets;
import ffcnn.data.FolderDatasets;
import ffcnn.data.ImageSource;
import ffcnn.method.PredictConfig;
import ffcnn.method.TrainedModel;
import ffcnn.nn.Devices;
import ffcnn.predict.Evaluator;
import ffcnn.predict.LayerScores;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ffcnn eval}: accuracy of a trained model per prediction strategy and per layer. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained model on its dataset's test (or validation) split.")
public final class EvalCommand extends EngineCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Run folder or model file.")
    Path model;

    @Option(names = "--split", defaultValue = "test", description = "test or valid. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Use the first N images (0 = all).")
    int limit;

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter out) {
        try (NDManager m = Devices.newManager(); TrainedModel tm = TrainedModel.load(model, m)) {
            var d = tm.config().data();
            DataRequest request = new DataRequest(d.dataset(), dataOption.dataDir, d.validSize(),
                    tm.config().train().seed(), 0, 0, 0, false);
            if (FolderDatasets.handles(d.dataset())) { // decoded at the model's input; train is not needed
                request = request.withImageSize(tm.header().input()[1]).withSkipCorrupt(d.skipCorrupt())
                        .withLimits(1, 0, 0);
            }
            DataSplits data = Datasets.load(request);
            ImageSource set = switch (split) {
                case "test" -> data.test();
                case "valid" -> data.valid();
                default -> throw new ffcnn.UserInputException("--split must be test or valid, got '" + split + "'");
            };
            if (limit > 0) {
                set = set.head(limit);
            }
            LayerScores scores = Evaluator.scores(tm.network(), set, tm.normalization(), 128, tm.epoch());
            out.printf("%s %s, %d images, model of epoch %d%n", d.dataset(), split, scores.size(), tm.epoch() + 1);
            String dflt = tm.config().predict().strategy();
            for (String s : PredictConfig.STRATEGIES) {
                out.printf("  %-11s %.4f%s%n", s, tm.strategy(s).accuracy(scores), s.equals(dflt) ? "  (default)" : "");
            }
            double[] layers = scores.layerAccuracies();
            for (int l = 0; l < layers.length; l++) {
                out.printf("  layer %-5d %.4f%n", l, layers[l]);
            }
        }
        return 0;
    }
}
