package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ffcnn.encoding.Targets;
import ffcnn.nn.LayerContext;
import ffcnn.nn.LocalLoss;
import ffcnn.nn.ObjectiveHead;
import ffcnn.nn.Scalars;
import java.util.List;

/**
 * CaFo, cascaded forward (Zhao et al., arXiv 2303.09728; specs/baselines.md 5): the blocks keep their random
 * initial weights; each block has a bias-free linear predictor on its flattened, detached output, and only the
 * predictors learn.
 *
 * <pre>
 * z = flatten(y) W                      W [C*H*W, K], starting at 0
 * ce:        L = CE(z, t),              block's distribution p = softmax(z)
 * mse:       L = mean_b 1/2 |z - onehot(t)|^2,                   p = softmax(z)
 * sparsemax: L = -z_t + 1/2 sum_{j in S} (z_j^2 - tau^2) + 1/2,  p = sparsemax(z) = max(z - tau, 0)
 *            (gradient sparsemax(z) - onehot(t); S and tau as in Martins and Astudillo 2016)
 * prediction: argmax sum_blocks p     (strategy all-layers)
 * </pre>
 *
 * Departures from the official code, which fits each predictor on the whole training set at once: the
 * predictors learn from mini-batches with the trainer's AdamW (the code's {@code BP} option trains a linear
 * head with Adam too), MSE is minimised by gradient steps rather than solved in closed form, and W starts at 0
 * rather than 1 (the same for CE and sparsemax, which ignore a constant added to every class score). Batch
 * norm normalises test features with running training statistics, not with test-batch statistics (the
 * official code's transductive evaluation, specs/baselines.md 5.2).
 *
 * @param loss {@code ce}, {@code mse} or {@code sparsemax}
 */
public record CafoObjective(String loss) implements Objective {

    /** The losses a predictor can learn with. */
    public static final List<String> LOSSES = List.of("ce", "mse", "sparsemax");

    public CafoObjective {
        if (!LOSSES.contains(loss)) {
            throw new IllegalArgumentException("objective.loss must be one of " + LOSSES + ", got '" + loss + "'");
        }
    }

    @Override
    public ObjectiveHead head(LayerContext context) {
        return new Predictor(this, context);
    }

    @Override
    public boolean trainsBody() {
        return false;
    }

    /** sparsemax(z) row by row, [B, K], and its threshold tau [B, 1]; nothing here is differentiated. */
    static NDArray[] sparsemax(NDArray z) {
        NDArray zd = z.stopGradient();
        long k = zd.getShape().get(1);
        NDArray sorted = zd.neg().sort(1).neg(); // descending
        NDArray cumulative = sorted.cumSum(1);
        NDArray ranks = zd.getManager().arange(1f, k + 1f).reshape(1, k);
        NDArray support = ranks.mul(sorted).add(1f).gt(cumulative).toType(DataType.FLOAT32, false);
        NDArray size = support.sum(new int[] {1}, true);
        NDArray tau = sorted.mul(support).sum(new int[] {1}, true).sub(1f).div(size);
        return new NDArray[] {zd.sub(tau).maximum(0f), tau};
    }

    /** The per-block linear predictor W. */
    static final class Predictor extends ObjectiveHead {
        private final CafoObjective rule;
        private final LayerContext context;
        private final Parameter weight;

        Predictor(CafoObjective rule, LayerContext context) {
            super((byte) 1);
            this.rule = rule;
            this.context = context;
            this.weight = addParameter(Parameter.builder().setName("predictor").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(context.flatFeatures(), context.classes()))
                    .optInitializer(new ConstantInitializer(0f)).build());
        }

        /** z = flatten(y) W, [B, K], in y's manager. */
        private NDArray logits(NDArray y) {
            NDArray flat = y.reshape(y.getShape().get(0), -1);
            return flat.matMul(weight.getArray()); // joins flat's manager, the step's
        }

        @Override
        public NDArray scores(NDArray y, int epoch) {
            NDArray z = logits(y);
            return rule.loss().equals("sparsemax") ? sparsemax(z)[0] : z.softmax(1);
        }

        @Override
        public LocalLoss loss(NDArray y, Targets targets, int epoch) {
            NDArray labels = targets.classes();
            NDArray z = logits(y);
            NDManager m = z.getManager();
            NDArray loss = switch (rule.loss()) {
                case "ce" -> CrossEntropy.of(z, labels, 0f);
                case "mse" -> {
                    NDArray diff = z.sub(labels.oneHot(context.classes()));
                    yield Scalars.times(diff.mul(diff).sum(new int[] {1}).mean(), 0.5);
                }
                default -> {
                    NDArray[] sp = sparsemax(z);
                    NDArray tau = sp[1];
                    NDArray onSupport = z.stopGradient().gt(tau).toType(DataType.FLOAT32, false);
                    // value -z_t + 1/2 sum_S (z^2 - tau^2) + 1/2; gradient sparsemax(z) - onehot(t)
                    NDArray picked = z.mul(labels.oneHot(context.classes())).sum(new int[] {1});
                    NDArray live = Scalars.times(z.mul(z), 0.5).sub(z.mul(tau)).mul(onSupport);
                    NDArray fixed = z.stopGradient().mul(tau).sub(Scalars.times(tau.mul(tau), 0.5)).mul(onSupport);
                    yield live.add(fixed).sum(new int[] {1}).sub(picked).add(0.5f).mean();
                }
            };
            return LocalLoss.classified(loss, loss, z, labels);
        }

        /** Where block evidence for class k lies: sum_c y[c, h, w] W[(c, h, w), k]. */
        @Override
        public NDArray classMap(NDArray y, int k, int epoch) {
            Shape s = y.getShape();
            NDArray column = within(y.getManager(), weight.getArray().get(":, " + k)); // made from a parameter
            return y.mul(column.reshape(1, s.get(1), s.get(2), s.get(3))).sum(new int[] {1});
        }
    }
}
