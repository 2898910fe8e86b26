package ffcnn.train;

import java.util.List;
import java.util.Map;

/**
 * Figures of one finished epoch.
 *
 * @param epoch           0-based epoch index
 * @param learningRate    learning rate used during the epoch
 * @param trainSeconds    seconds spent in training steps
 * @param evalSeconds     seconds spent evaluating
 * @param imagesPerSecond training images per second
 * @param validAccuracy   accuracy on the validation split per prediction strategy (strategy name to 0..1)
 * @param testAccuracy    accuracy on the test split per prediction strategy
 * @param layers          per-layer figures, in layer order
 * @param testTopFive     top-5 accuracy on the test split per strategy, when there are more than 10 classes
 *                        (else empty)
 */
public record EpochMetrics(int epoch, double learningRate, double trainSeconds, double evalSeconds,
        double imagesPerSecond, Map<String, Double> validAccuracy, Map<String, Double> testAccuracy,
        List<LayerMetrics> layers, Map<String, Double> testTopFive) {

    public EpochMetrics {
        testTopFive = testTopFive == null ? Map.of() : testTopFive;
    }

    /** Figures without top-5 accuracies. */
    public EpochMetrics(int epoch, double learningRate, double trainSeconds, double evalSeconds,
            double imagesPerSecond, Map<String, Double> validAccuracy, Map<String, Double> testAccuracy,
            List<LayerMetrics> layers) {
        this(epoch, learningRate, trainSeconds, evalSeconds, imagesPerSecond, validAccuracy, testAccuracy, layers,
                Map.of());
    }
}
