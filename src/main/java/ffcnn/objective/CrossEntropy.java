package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ffcnn.nn.Scalars;

/**
 * Softmax cross-entropy with label smoothing, mean over the batch (PyTorch's
 * {@code CrossEntropyLoss(label_smoothing=eps)}):
 * L = -(1/B) sum_b sum_k t[b,k] log q[b,k], q = softmax(logits), t = (1-eps) onehot(y) + eps/K.
 */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /** The loss of {@code logits} [B, K] against integer {@code labels} [B] with smoothing {@code eps}. */
    public static NDArray of(NDArray logits, NDArray labels, float eps) {
        int classes = (int) logits.getShape().get(1);
        NDArray target = labels.oneHot(classes);
        if (eps != 0f) {
            target = Scalars.times(target, 1f - eps).add(eps / classes);
        }
        return logits.logSoftmax(1).mul(target).sum(new int[] {1}).mean().neg();
    }
}
