package ffcnn.objective;

import ai.djl.ndarray.NDArray;

/**
 * What one layer's objective computes on a training batch.
 *
 * @param total    the scalar that is back-propagated (task loss plus any regularisers)
 * @param taskLoss the scalar task loss alone (logged; the basis of loss-aware layer weights)
 * @param scores   class scores [B, K] of the layer, for its training accuracy
 */
public record LocalLoss(NDArray total, NDArray taskLoss, NDArray scores) {
}
