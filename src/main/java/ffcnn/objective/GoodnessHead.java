package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ffcnn.encoding.Targets;
import ffcnn.nn.LocalLoss;
import ffcnn.nn.ObjectiveHead;
import ffcnn.nn.Scalars;

/**
 * The head of the Forward-Forward rules (FF, SymBa): an input's score is the goodness of the layer's
 * activations, G = sum (or mean) over C, H, W of y^2, and the rule turns the goodness of the positives and of
 * the negatives into a loss. A layer judges an image correctly when its positive has more goodness than its
 * negative; in prediction the input labelled with the right class should have the most.
 *
 * <p>With a peer normalisation weight lambda > 0 (loeweX, specs/baselines.md 3.4) the head also keeps a running
 * mean r [C] of each unit's activity over the positives and adds a term that pulls every unit towards the
 * layer's mean activity:
 *
 * <pre>
 * a_c  = mean over the B positives (and H, W) of y[., c, ., .]     this batch's activity of unit c
 * r_c  = 0.9 * r_c(previous, no gradient) + 0.1 * a_c               r starts at 0.5
 * L   += lambda * mean_c (mean_j r_j - r_c)^2
 * </pre>
 *
 * [DESIGN] A unit is a channel: loeweX's units are the neurons of a fully connected layer (here the channels of a
 * 1x1 map); for a convolution the channel shares its weights over H x W, so its activity is averaged over them
 * too. r is the head's only array (not learnable, saved with the model); without peer normalisation the head has
 * none.
 */
final class GoodnessHead extends ObjectiveHead {

    /** loeweX's momentum of the running mean. */
    static final double PEER_MOMENTUM = 0.9;

    /** loeweX's initial running mean. */
    static final float PEER_INIT = 0.5f;

    private final boolean mean;
    private final GoodnessRule rule;
    private final Parameter running;

    /** The head of {@code rule} for a layer of {@code channels} units. */
    GoodnessHead(GoodnessRule rule, int channels) {
        super((byte) 1);
        this.mean = rule.goodness().equals("mean");
        this.rule = rule;
        this.running = rule.peerNormalization() > 0
                ? addParameter(Parameter.builder().setName("peer_mean").setType(Parameter.Type.RUNNING_MEAN)
                        .optShape(new Shape(channels)).optInitializer(new ConstantInitializer(PEER_INIT))
                        .optRequiresGrad(false).build())
                : null;
    }

    /** G [N] of activations y [N, ...]. */
    NDArray goodness(NDArray y) {
        NDArray flat = y.reshape(y.getShape().get(0), -1);
        NDArray squares = flat.mul(flat); // mul, not pow(2): faster in DJL
        return mean ? squares.mean(new int[] {1}) : squares.sum(new int[] {1});
    }

    @Override
    public LocalLoss loss(NDArray y, Targets targets, int epoch) {
        if (!targets.contrastive()) {
            throw new IllegalStateException("a goodness rule needs positives and negatives (an encoding with the"
                    + " label in the input)");
        }
        NDArray g = goodness(y);
        long b = g.getShape().get(0) / 2;
        NDArray positives = g.get("0:" + b);
        NDArray negatives = g.get(b + ":");
        long terms = mean ? 1 : y.size() / y.getShape().get(0);
        NDArray loss = rule.loss(positives, negatives, terms);
        NDArray total = running == null ? loss : loss.add(Scalars.times(peerLoss(y.get("0:" + b)),
                rule.peerNormalization()));
        return new LocalLoss(total, loss, positives.gt(negatives).sum());
    }

    /**
     * The peer normalisation term (without its weight) of the positives' activations {@code y} [B, C, ...],
     * mean_c (mean_j r_j - r_c)^2 with r updated from this batch; stores the updated r (detached).
     */
    NDArray peerLoss(NDArray y) {
        NDManager m = y.getManager();
        NDArray activity = y.swapAxes(0, 1).reshape(y.getShape().get(1), -1).mean(new int[] {1});
        NDArray previous = within(m, Scalars.times(running.getArray(), PEER_MOMENTUM));
        NDArray r = Scalars.times(activity, 1 - PEER_MOMENTUM).add(previous);
        NDArray deviation = r.mean().sub(r);
        NDArray loss = deviation.mul(deviation).mean();
        running.getArray().set(r.stopGradient().toFloatArray());
        return loss;
    }

    /** The running mean activity r [C] of the units (peer normalisation), or null without it. */
    NDArray peerMeans() {
        return running == null ? null : running.getArray();
    }

    @Override
    public NDArray scores(NDArray y, int epoch) {
        return goodness(y).reshape(new Shape(y.getShape().get(0), 1));
    }
}
