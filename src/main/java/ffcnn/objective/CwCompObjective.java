package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ffcnn.nn.LayerContext;
import ffcnn.nn.ObjectiveHead;

/**
 * CwComp: channel-wise competitive goodness (Papachristodoulou et al., AAAI 2024; specs/baselines.md 6).
 *
 * <pre>
 * g[b,k] = mean of y[b, c, h, w]^2 over the k-th contiguous block of C/K channels and all positions
 * L      = CE_eps(g, y)        (CwC_CE, the official default: eps = 0)
 * </pre>
 *
 * y is the batch-normalised output of the layer's body ({@code model.block: dropout-conv-relu-bn}); the
 * head learns nothing itself. A layer predicts the class whose channel group has the largest goodness.
 *
 * @param labelSmoothing eps of the cross-entropy (0 in CwComp)
 */
public record CwCompObjective(double labelSmoothing) implements Objective {

    public CwCompObjective {
        GroupGoodnessHead.checkSmoothing(labelSmoothing);
    }

    @Override
    public ObjectiveHead head(LayerContext context) {
        int channels = context.channels();
        int classes = context.classes();
        return new GroupGoodnessHead("CwComp", channels, classes, labelSmoothing, y -> goodness(y, classes));
    }

    /** Class scores: the mean square of each class's channel group, [B, K]. */
    static NDArray goodness(NDArray y, int classes) {
        return GroupGoodnessHead.byGroup(y.mul(y), classes).mean(new int[] {2});
    }
}
