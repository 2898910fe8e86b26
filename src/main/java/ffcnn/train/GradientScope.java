package ffcnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records the operations of one learning unit's step for a backward pass, on the calling thread only. It does
 * what DJL's gradient collector does (gradient mode on, backward from a tensor of ones, the mode restored on
 * close), but that collector admits one collector in the whole process, and the pipeline trains several units at
 * once, one per thread: PyTorch's gradient mode is per thread, so each thread opens its own scope.
 */
final class GradientScope implements AutoCloseable {

    private final boolean was;

    GradientScope() {
        was = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Back-propagates from the scalar {@code target} into every array that requires a gradient. */
    void backward(NDArray target) {
        try (NDArray ones = target.onesLike()) {
            JniUtils.backward((PtNDArray) target, (PtNDArray) ones, false, false);
        }
    }

    @Override
    public void close() {
        if (!was) {
            JniUtils.setGradMode(false);
        }
    }
}
