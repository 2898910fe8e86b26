package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ffcnn.nn.LayerContext;
import ffcnn.nn.ObjectiveHead;
import ffcnn.nn.ReadOut;
import ffcnn.nn.Scalars;
import java.util.List;

/**
 * CaFo, cascaded forward (Zhao et al., arXiv 2303.09728; specs/baselines.md 5): the blocks keep their random
 * initial weights; each block has a bias-free linear predictor on its flattened, detached output, and only the
 * predictors learn. The predictors are the network's read-out ({@code predict.readout: block-predictors},
 * {@link ReadOut}): after the blocks' forward pass on a batch (which updates batch norm's running statistics) each
 * predictor takes one step on its block's output in evaluation mode. This rule says how they learn and score:
 *
 * <pre>
 * z = flatten(y) W^T                    W [K, C*H*W], starting at 0
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
 * norm normalises features with running training statistics, in training as at test time, not with test-batch
 * statistics (the official code's transductive evaluation, specs/baselines.md 5.2).
 *
 * @param loss {@code ce}, {@code mse} or {@code sparsemax}
 */
public record CafoObjective(String loss) implements Objective, ReadOut.Rule {

    /** The losses a predictor can learn with. */
    public static final List<String> LOSSES = List.of("ce", "mse", "sparsemax");

    public CafoObjective {
        if (!LOSSES.contains(loss)) {
            throw new IllegalArgumentException("objective.loss must be one of " + LOSSES + ", got '" + loss + "'");
        }
    }

    /** No head of its own: the block's predictor is the read-out's; it reads the whole map, so needs its size. */
    @Override
    public ObjectiveHead head(LayerContext context) {
        context.flatFeatures();
        return ObjectiveHead.none(context.classes());
    }

    @Override
    public boolean trainsBody() {
        return false;
    }

    @Override
    public ReadOut.Rule readOutRule() {
        return this;
    }

    @Override
    public String kind() {
        return "block-predictors";
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

    @Override
    public NDArray scores(NDArray z) {
        return loss.equals("sparsemax") ? sparsemax(z)[0] : z.softmax(1);
    }

    @Override
    public NDArray loss(NDArray z, NDArray labels) {
        int classes = (int) z.getShape().get(1);
        return switch (loss) {
            case "ce" -> CrossEntropy.of(z, labels, 0f);
            case "mse" -> {
                NDArray diff = z.sub(labels.oneHot(classes));
                yield Scalars.times(diff.mul(diff).sum(new int[] {1}).mean(), 0.5);
            }
            default -> {
                NDArray[] sp = sparsemax(z);
                NDArray tau = sp[1];
                NDArray onSupport = z.stopGradient().gt(tau).toType(DataType.FLOAT32, false);
                // value -z_t + 1/2 sum_S (z^2 - tau^2) + 1/2; gradient sparsemax(z) - onehot(t)
                NDArray picked = z.mul(labels.oneHot(classes)).sum(new int[] {1});
                NDArray live = Scalars.times(z.mul(z), 0.5).sub(z.mul(tau)).mul(onSupport);
                NDArray fixed = z.stopGradient().mul(tau).sub(Scalars.times(tau.mul(tau), 0.5)).mul(onSupport);
                yield live.add(fixed).sum(new int[] {1}).sub(picked).add(0.5f).mean();
            }
        };
    }
}
