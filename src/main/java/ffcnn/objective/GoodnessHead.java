package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ffcnn.encoding.Targets;
import ffcnn.nn.LocalLoss;
import ffcnn.nn.ObjectiveHead;

/**
 * The head of the Forward-Forward rules (FF, SymBa): an input's score is the goodness of the layer's
 * activations, G = sum (or mean) over C, H, W of y^2, and the rule turns the goodness of the positives and of
 * the negatives into a loss. It has no parameters. A layer judges an image correctly when its positive has
 * more goodness than its negative; in prediction the input labelled with the right class should have the most.
 */
final class GoodnessHead extends ObjectiveHead {

    private final boolean mean;
    private final GoodnessRule rule;

    /** The head of {@code rule}: its goodness (sum or mean of y^2) and its loss of the goodness. */
    GoodnessHead(GoodnessRule rule) {
        super((byte) 1);
        this.mean = rule.goodness().equals("mean");
        this.rule = rule;
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
        return new LocalLoss(loss, loss, positives.gt(negatives).sum());
    }

    @Override
    public NDArray scores(NDArray y, int epoch) {
        return goodness(y).reshape(new Shape(y.getShape().get(0), 1));
    }
}
