package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * What one layer's objective computes on a training batch.
 *
 * @param total    the scalar that is back-propagated (task loss plus any regularisers)
 * @param taskLoss the scalar task loss alone (logged; the basis of loss-aware layer weights)
 * @param correct  the scalar number of the batch's images the layer judged correctly (its training accuracy
 *                 is this over the batch's image count; the head decides what "correct" means)
 */
public record LocalLoss(NDArray total, NDArray taskLoss, NDArray correct) {

    /** A loss whose layer is judged by the argmax of its class {@code scores} [B, K] against {@code classes} [B]. */
    public static LocalLoss classified(NDArray total, NDArray taskLoss, NDArray scores, NDArray classes) {
        NDArray hits = scores.argMax(1).toType(DataType.INT32, false).eq(classes.toType(DataType.INT32, false));
        return new LocalLoss(total, taskLoss, hits.sum());
    }
}
