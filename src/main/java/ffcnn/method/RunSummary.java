package ffcnn.method;

import com.fasterxml.jackson.annotation.JsonInclude;
import ffcnn.data.DataSplits;
import ffcnn.data.ImageSource;
import ffcnn.nn.Network;
import ffcnn.predict.Footprint;
import ffcnn.predict.PredictionStrategy;
import ffcnn.predict.Strategies;
import ffcnn.predict.WeightedLayers;
import ffcnn.report.JsonFiles;
import ffcnn.report.ResourceUsage;
import ffcnn.train.EpochMetrics;
import ffcnn.train.LayerMetrics;
import ffcnn.train.RunState;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * summary.json: the headline figures of a finished run. {@code testAccuracy} is the final epoch's test
 * accuracy with the default strategy; {@code bestTestAccuracy} the best over the scored epochs (the official code
 * tracks that maximum, specs/caw-conv.md 10.3). Memory: {@code peakRssBytes} is the process's peak resident
 * set (native tensors and Java heap together), {@code peakHeapBytes} the Java heap's share, and
 * {@code peakStepBytes} the most bytes one training step's arrays held at once (just before a backward pass),
 * and {@code activationBytesPerLayer} the same per layer: the activation footprint of each layer's step for one batch
 * (the layers of one end-to-end learning unit, the backprop baseline's, share one figure).
 * {@code strategies}: every prediction strategy's test accuracy, the parameters it reads beyond the layers'
 * bodies (trained and fixed) and its inference memory ({@link Footprint}): ASGE's trade-off table.
 * {@code skippedImages}, only in runs with {@code data.skip_corrupt}: the images of the image folder left out
 * because they could not be decoded, in all, and {@code skippedImagesPerSplit} the same for train, valid and
 * test ({@link ImageSource#skipped}).
 */
public record RunSummary(String method, String dataset, String arch, int epochs, String strategy,
        double testAccuracy, double bestTestAccuracy, Double validAccuracy, Map<String, Double> testAccuracyByStrategy,
        List<Double> perLayerTestAccuracy, int[] bestRange, long parameters, int trainImages, double trainSeconds,
        double evalSeconds, double trainImagesPerSecond, long peakRssBytes, long peakHeapBytes, long peakStepBytes,
        long[] activationBytesPerLayer, List<Map<String, Object>> strategies,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer skippedImages,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Integer> skippedImagesPerSplit) {

    /**
     * The summary of a run whose training step held at most {@code peakStepBytes} in arrays at once. The
     * resident and heap peaks are this process's.
     */
    static RunSummary of(RunConfig config, DataSplits data, Network net, RunState state, long peakStepBytes,
            long[] activationBytesPerLayer) {
        List<Footprint> footprints = footprints(config, data, net, state);
        List<EpochMetrics> h = state.history();
        EpochMetrics last = h.get(h.size() - 1);
        String strategy = config.predict().strategy();
        double best = h.stream().filter(m -> m.testAccuracy().containsKey(strategy))
                .mapToDouble(m -> m.testAccuracy().get(strategy)).max().orElse(Double.NaN);
        double trainSeconds = h.stream().mapToDouble(EpochMetrics::trainSeconds).sum();
        double evalSeconds = h.stream().mapToDouble(EpochMetrics::evalSeconds).sum();
        long images = (long) data.train().size() * h.size();
        Map<String, Integer> skipped = skipped(config, data);
        return new RunSummary(config.method(), data.dataset(), config.model().arch(), h.size(), strategy,
                last.testAccuracy().get(strategy), best, last.validAccuracy().get(strategy), last.testAccuracy(),
                last.layers().stream().map(LayerMetrics::testAccuracy).toList(), bestRange(net, state),
                net.parameterCount(), data.train().size(), trainSeconds, evalSeconds, images / trainSeconds,
                ResourceUsage.peakRssBytes(), ResourceUsage.peakHeapBytes(), peakStepBytes,
                activationBytesPerLayer, footprints.stream().map(Footprint::toMap).toList(),
                skipped == null ? null : skipped.values().stream().mapToInt(Integer::intValue).sum(), skipped);
    }

    /** Per split, the images skipped as undecodable; null when the run does not skip them. */
    private static Map<String, Integer> skipped(RunConfig config, DataSplits data) {
        if (!config.data().skipCorrupt()) {
            return null;
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("train", data.train().skipped());
        m.put("valid", data.valid().skipped());
        m.put("test", data.test().skipped());
        return m;
    }

    /** The layers best-range sums, {start, end}, as the trained model saved it. */
    private static int[] bestRange(Network net, RunState state) {
        return WeightedLayers.bestRange(state.model().strategies().get("best-range"), net.layers().size()).span();
    }

    /** The trade-off of every strategy of the trained model, with the last epoch's test accuracies. */
    static List<Footprint> footprints(RunConfig config, DataSplits data, Network net, RunState state) {
        List<EpochMetrics> h = state.history();
        EpochMetrics last = h.get(h.size() - 1);
        var model = state.model();
        List<PredictionStrategy> strategies = Strategies.all(model.strategies(), net.layers().size(),
                config.predict().readout());
        return Footprint.of(net, strategies, last.testAccuracy(), last.testTopFive(), data.test(),
                data.normalization(), config.train().batchSize(), Math.max(0, model.epoch()));
    }

    void write(Path out) {
        JsonFiles.write(out.resolve("summary.json"), this);
    }
}
