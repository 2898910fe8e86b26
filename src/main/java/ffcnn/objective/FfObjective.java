package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ffcnn.nn.Scalars;

/**
 * Hinton's Forward-Forward (arXiv 2212.13345; specs/baselines.md 3.1, loeweX's {@code _calc_ff_loss}).
 *
 * <pre>
 * G = sum_{c,h,w} y^2   (goodness: sum)      or      G = mean_{c,h,w} y^2   (goodness: mean)
 * L = mean over the 2B inputs of softplus(-(G - theta))  (positives)  and  softplus(G - theta)  (negatives)
 *   = BCEWithLogits(G - theta, t)
 * </pre>
 *
 * loeweX's threshold is the number of units for the summed goodness, a mean square of 1 per unit: here
 * {@code threshold} is always per unit (theta = threshold * units for {@code sum}, theta = threshold for
 * {@code mean}), so one value serves both. The input carries the label (an encoding other than identity);
 * prediction sums G over layers for every candidate label.
 *
 * @param goodness          {@code sum} or {@code mean}
 * @param threshold         theta per unit, > 0
 * @param peerNormalization the weight of loeweX's peer normalisation term (0.03 in loeweX), 0 for none
 */
public record FfObjective(String goodness, double threshold, double peerNormalization) implements GoodnessRule {

    public FfObjective {
        GoodnessRule.checkGoodness(goodness);
        GoodnessRule.checkPeerNormalization(peerNormalization);
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("objective.threshold must be a finite number > 0, got " + threshold);
        }
    }

    /** Without peer normalisation. */
    public FfObjective(String goodness, double threshold) {
        this(goodness, threshold, 0);
    }

    /** The FF loss of the goodness of B positives and of their B negatives (the mean over all 2B inputs). */
    @Override
    public NDArray loss(NDArray positives, NDArray negatives, long terms) {
        float theta = (float) (threshold * terms);
        NDArray pos = Activation.softPlus(positives.sub(theta).neg());
        NDArray neg = Activation.softPlus(negatives.sub(theta));
        return Scalars.over(pos.add(neg).mean(), 2);
    }
}
