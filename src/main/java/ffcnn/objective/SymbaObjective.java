package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ffcnn.nn.Scalars;

/**
 * SymBa (Lee and Song, arXiv 2303.08418; specs/baselines.md 4.1): one symmetric term on the goodness gap of
 * each image's positive and negative instead of FF's two thresholded terms.
 *
 * <pre>
 * Delta = G(x, true label) - G(x, wrong label)
 * L     = mean over the B images of softplus(-alpha * Delta)
 * </pre>
 *
 * There is no threshold. G is the goodness of {@link FfObjective} (sum or mean of y^2); the formula is the
 * reimplementations', and alpha = 4 the value they cite from the paper.
 *
 * @param goodness          {@code sum} or {@code mean}
 * @param alpha             the scale of the gap, > 0
 * @param peerNormalization the weight of loeweX's peer normalisation term (as in {@link FfObjective}), 0 for none
 */
public record SymbaObjective(String goodness, double alpha, double peerNormalization) implements GoodnessRule {

    public SymbaObjective {
        GoodnessRule.checkGoodness(goodness);
        GoodnessRule.checkPeerNormalization(peerNormalization);
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("objective.alpha must be a finite number > 0, got " + alpha);
        }
    }

    /** Without peer normalisation. */
    public SymbaObjective(String goodness, double alpha) {
        this(goodness, alpha, 0);
    }

    /** The SymBa loss of the goodness of B positives and of their B negatives (pairs in the same order). */
    @Override
    public NDArray loss(NDArray positives, NDArray negatives, long terms) {
        return Activation.softPlus(Scalars.times(positives.sub(negatives), (float) -alpha)).mean();
    }
}
