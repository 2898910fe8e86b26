package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ffcnn.nn.LayerContext;
import ffcnn.nn.ObjectiveHead;

/**
 * DeeperForward: mean goodness of fixed channel groups (Sun et al., ICLR 2025; specs/deeperforward.md 3-4).
 *
 * <pre>
 * g[b,k] = mean of y[b, c, h, w] over the k-th contiguous block of C/K channels and all positions
 * L      = CE_eps(g, y)        (plain cross-entropy in the paper: eps = 0)
 * </pre>
 *
 * The layer passes on a group norm with K groups ({@code model.output_norm: group}); the head learns
 * nothing itself, only the convolution below it does.
 *
 * @param labelSmoothing eps of the cross-entropy (0 in DeeperForward)
 */
public record DeeperForwardObjective(double labelSmoothing) implements Objective {

    public DeeperForwardObjective {
        GroupGoodnessHead.checkSmoothing(labelSmoothing);
    }

    @Override
    public ObjectiveHead head(LayerContext context) {
        int channels = context.channels();
        int classes = context.classes();
        return new GroupGoodnessHead("DeeperForward", channels, classes, labelSmoothing,
                y -> groupMeans(y, classes));
    }

    /** Class scores: the mean of each class's channel group, [B, K]. */
    static NDArray groupMeans(NDArray y, int classes) {
        return GroupGoodnessHead.byGroup(y, classes).mean(new int[] {2});
    }
}
