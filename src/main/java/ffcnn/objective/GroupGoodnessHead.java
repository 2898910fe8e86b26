package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ffcnn.encoding.Targets;
import ffcnn.nn.LocalLoss;
import ffcnn.nn.ObjectiveHead;
import java.util.function.UnaryOperator;

/**
 * The head of the rules that score a class by a goodness of its own fixed block of C/K channels
 * (DeeperForward, CwComp): class scores g = goodness(y) [B, K], loss CE_eps(g, labels). It has no
 * parameters; only the layer's body learns.
 */
final class GroupGoodnessHead extends ObjectiveHead {

    private final UnaryOperator<NDArray> goodness;
    private final float labelSmoothing;
    private final int classes;

    /**
     * @param rule       the rule's name, for the error when the channels do not split
     * @param goodness   y [B, C, H, W] -> g [B, K]
     */
    GroupGoodnessHead(String rule, int channels, int classes, double labelSmoothing,
            UnaryOperator<NDArray> goodness) {
        super((byte) 1);
        if (channels % classes != 0) {
            throw new IllegalArgumentException(channels + " channels do not split into " + classes
                    + " class groups (" + rule + " needs C % K == 0)");
        }
        this.goodness = goodness;
        this.labelSmoothing = (float) labelSmoothing;
        this.classes = classes;
    }

    /** y [B, C, H, W] viewed as [B, K, C/K * H * W]: one row per class group. */
    static NDArray byGroup(NDArray y, int classes) {
        return y.reshape(y.getShape().get(0), classes, -1);
    }

    static void checkSmoothing(double labelSmoothing) {
        if (labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("objective.label_smoothing must be in [0, 1)");
        }
    }

    @Override
    public LocalLoss loss(NDArray y, Targets targets, int epoch) {
        NDArray labels = targets.classes();
        NDArray g = goodness.apply(y);
        NDArray ce = CrossEntropy.of(g, labels, labelSmoothing);
        return LocalLoss.classified(ce, ce, g, labels);
    }

    @Override
    public NDArray scores(NDArray y, int epoch) {
        return goodness.apply(y);
    }

    /** The goodness of class k's own channel group at every position. */
    @Override
    public NDArray classMap(NDArray y, int k, int epoch) {
        long c = y.getShape().get(1) / classes;
        NDArray group = y.get(":, " + k * c + ":" + (k + 1) * c);
        return group.mul(group).sum(new int[] {1});
    }
}
