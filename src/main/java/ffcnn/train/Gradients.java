package ffcnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * Clips and resets accumulated gradients. PyTorch accumulates gradients across backward passes and DJL's collector
 * no longer zeroes them (specs/djl-pitfalls.md 3), so every optimiser step ends by zeroing its own.
 */
final class Gradients {

    private Gradients() {
    }

    /**
     * The gradients the last backward pass left on {@code params}, moved into {@code tmp} (so that they are freed
     * with it) and, with {@code clipNorm > 0}, clipped together ({@link #clip}).
     */
    static List<NDArray> take(List<ai.djl.nn.Parameter> params, double clipNorm, NDManager tmp) {
        List<NDArray> grads = new java.util.ArrayList<>(params.size());
        for (ai.djl.nn.Parameter p : params) {
            NDArray g = p.getArray().getGradient();
            g.attach(tmp);
            grads.add(g);
        }
        if (clipNorm > 0) {
            clip(grads, clipNorm, tmp);
        }
        return grads;
    }

    /** Zeroes the gradient of {@code param}; {@code grad} is the gradient view used when the engine is not PyTorch. */
    static void zero(NDArray param, NDArray grad) {
        if (param instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            grad.subi(grad);
        }
    }

    /**
     * Global-norm clipping over one layer's gradients, in place: g = g * min(1, maxNorm / (||g||_2 + 1e-6));
     * temporaries live in {@code tmp}.
     */
    static void clip(List<NDArray> grads, double maxNorm, NDManager tmp) {
        NDArray sq = tmp.zeros(new ai.djl.ndarray.types.Shape());
        for (NDArray g : grads) {
            sq = sq.add(g.mul(g).sum());
        }
        NDArray coef = sq.sqrt().add(1e-6f).pow(-1).mul((float) maxNorm).clip(0f, 1f);
        for (NDArray g : grads) {
            g.muli(coef);
        }
    }
}
