package ffcnn.cli;

import ai.djl.ndarray.NDManager;
import ffcnn.data.DataRequest;
import ffcnn.data.DataSplits;
import ffcnn.data.Datasets;
import ffcnn.data.FolderDatasets;
import ffcnn.data.ImageSource;
import ffcnn.method.TrainedModel;
import ffcnn.predict.Evaluation;
import ffcnn.nn.Devices;
import ffcnn.predict.Evaluator;
import ffcnn.predict.Footprint;
import ffcnn.predict.PredictionStrategy;
import ffcnn.report.Formats;
import java.util.List;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ffcnn eval}: accuracy of a trained model per prediction strategy and per layer. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a trained model on its dataset's test (or validation) split: per prediction"
                + " strategy its accuracy (and top-5 with more than 10 classes), the parameters it reads beyond the"
                + " layers' convolutions and its inference memory; then each layer alone.",
            "Strategies: loss-aware, best-range, last-layer, all-layers, goodness, and the read-outs linear-heads"
                + ", neutral-linear and softmax-linear of models trained with predict.readout (see `ffcnn methods`)."})
public final class EvalCommand extends EngineCommand {

    private static final int BATCH = 128;

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
            ImageSource part = switch (split) {
                case "test" -> data.test();
                case "valid" -> data.valid();
                default -> throw new ffcnn.UserInputException("--split must be test or valid, got '" + split + "'");
            };
            ImageSource set = limit > 0 ? part.head(limit) : part;
            List<PredictionStrategy> strategies = tm.strategies();
            Evaluation eval = Evaluator.evaluate(tm.network(), set, tm.normalization(), BATCH, tm.epoch(),
                    new Evaluation(strategies, tm.network().layers().size(), tm.network().classes(), false));
            // read after evaluating: a streamed split counts the images it skips as it meets them
            String skipped = d.skipCorrupt() ? " (" + part.skipped() + " skipped: could not be decoded)" : "";
            out.printf("%s %s, %d images%s, model of epoch %d%n", d.dataset(), split, eval.size(), skipped,
                    tm.epoch() + 1);
            List<Footprint> rows = Footprint.of(tm.network(), strategies, eval.accuracies(), eval.topFiveAccuracies(),
                    set, tm.normalization(), BATCH, tm.epoch());
            String dflt = tm.config().predict().strategy();
            boolean top = eval.hasTopFive();
            out.printf("  %-15s %8s%s %13s %13s %12s%n", "strategy", "accuracy", top ? "    top-5" : "",
                    "trained extra", "fixed extra", "memory");
            for (Footprint f : rows) {
                out.printf("  %-15s %8.4f%s %13s %13s %12s%s%n", f.strategy(), f.accuracy(),
                        top ? String.format(" %8.4f", f.topFive()) : "", Formats.count(f.trainedParameters()),
                        Formats.count(f.fixedParameters()), Formats.bytes(f.inferenceBytes()),
                        f.strategy().equals(dflt) ? "  (default)" : "");
            }
            out.printf("  (extra: parameters read beyond the layers' convolutions; memory: the parameters read plus"
                    + " the arrays of one pass over %d images)%n", rows.isEmpty() ? 0 : rows.get(0).batch());
            double[] layers = eval.layerAccuracies();
            for (int l = 0; l < layers.length; l++) {
                out.printf("  layer %-9d %8.4f%n", l, layers[l]);
            }
        }
        return 0;
    }
}
