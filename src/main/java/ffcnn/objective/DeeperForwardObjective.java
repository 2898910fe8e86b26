package ffcnn.objective;

import ai.djl.ndarray.NDArray;

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
        if (labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("objective.label_smoothing must be in [0, 1)");
        }
    }

    @Override
    public ObjectiveHead head(int channels, int classes) {
        if (channels % classes != 0) {
            throw new IllegalArgumentException(channels + " channels do not split into " + classes
                    + " class groups (DeeperForward needs C % K == 0)");
        }
        return new Head(this, classes);
    }

    /** Class scores: the mean of each class's channel group, [B, K]. */
    static NDArray groupMeans(NDArray y, int classes) {
        return y.reshape(y.getShape().get(0), classes, -1).mean(new int[] {2});
    }

    /** The per-layer part; it has no parameters. */
    static final class Head extends ObjectiveHead {
        private final DeeperForwardObjective rule;
        private final int classes;

        Head(DeeperForwardObjective rule, int classes) {
            super((byte) 1);
            this.rule = rule;
            this.classes = classes;
        }

        @Override
        public LocalLoss loss(NDArray y, NDArray labels, int epoch) {
            NDArray g = groupMeans(y, classes);
            NDArray ce = CrossEntropy.of(g, labels, (float) rule.labelSmoothing());
            return new LocalLoss(ce, ce, g);
        }

        @Override
        public NDArray scores(NDArray y, int epoch) {
            return groupMeans(y, classes);
        }
    }
}
