package ffcnn.train;

import java.util.Map;

/**
 * One layer's figures for one epoch.
 *
 * @param layer         layer index, 0-based
 * @param loss          mean total local loss over the epoch's training batches
 * @param ce            mean task loss over the training batches (the value behind loss-aware weights)
 * @param trainAccuracy accuracy of this layer's own class scores on the training batches (dropout on)
 * @param validAccuracy accuracy of this layer alone on the validation split (NaN when not evaluated)
 * @param testAccuracy  accuracy of this layer alone on the test split (NaN when not evaluated)
 * @param extras        objective-specific diagnostics in insertion order, e.g. {@code temperature},
 *                      {@code entropy}, {@code orthogonality}
 */
public record LayerMetrics(int layer, double loss, double ce, double trainAccuracy, double validAccuracy,
        double testAccuracy, Map<String, Double> extras) {
}
