package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ffcnn.nn.LayerContext;
import ffcnn.nn.ObjectiveHead;

/**
 * A Forward-Forward rule: it scores an input by the goodness of the layer's activations (sum or mean of y^2,
 * {@link GoodnessHead}) and learns from positives and negatives that carry their label in the input. A rule
 * gives only its loss of the goodness of the positives and of their negatives.
 */
interface GoodnessRule extends Objective {

    /** {@code sum} or {@code mean}. */
    String goodness();

    /**
     * The weight of loeweX's peer normalisation (specs/baselines.md 3.4; {@link GoodnessHead#peerLoss}), 0 for
     * none.
     */
    double peerNormalization();

    /**
     * The scalar loss of the goodness of B positives and of their B negatives (in the same order); {@code terms}
     * is the number of squares G adds up (the layer's units for a summed goodness, 1 for a mean).
     */
    NDArray loss(NDArray positives, NDArray negatives, long terms);

    @Override
    default ObjectiveHead head(LayerContext context) {
        return new GoodnessHead(this, context.channels());
    }

    @Override
    default boolean labelInInput() {
        return true;
    }

    /** Checks a preset's {@code objective.peer_normalization}. */
    static void checkPeerNormalization(double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("objective.peer_normalization must be a finite number >= 0, got "
                    + weight);
        }
    }

    /** Checks a preset's {@code objective.goodness}. */
    static void checkGoodness(String goodness) {
        if (!goodness.equals("sum") && !goodness.equals("mean")) {
            throw new IllegalArgumentException("objective.goodness must be sum or mean, got '" + goodness + "'");
        }
    }
}
