package ffcnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Resets accumulated gradients. PyTorch accumulates gradients across backward passes and DJL's collector
 * no longer zeroes them (specs/djl-pitfalls.md 3), so every optimiser step ends by zeroing its own.
 */
final class Gradients {

    private Gradients() {
    }

    /** Zeroes the gradient of {@code param}; {@code grad} is the gradient view used when the engine is not PyTorch. */
    static void zero(NDArray param, NDArray grad) {
        if (param instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            grad.subi(grad);
        }
    }
}
