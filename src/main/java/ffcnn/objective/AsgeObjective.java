package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.Initializer;
import ffcnn.UserInputException;
import ffcnn.encoding.Targets;
import ffcnn.nn.LayerContext;
import ffcnn.nn.LocalLoss;
import ffcnn.nn.ObjectiveHead;
import ffcnn.nn.Scalars;

/**
 * ASGE, adaptive spatial goodness encoding (Gong, Staszewski and Xu, arXiv 2509.12394, ICASSP 2026;
 * specs/asge.md 5, 6): each layer's post-ReLU map u is cut into a P x P grid, the mean square of every channel
 * in every cell is the layer's goodness vector, and a fixed random matrix maps it to class scores.
 *
 * <pre>
 * P_l = clamp(round((C_L / C_l)^alpha), 1, H_l)          (adaptive partition, 5.3; C_L the last layer's width)
 * g_l = flatten(adaptive_avgpool_P(u * u))              [B, C_l P_l^2], index c P^2 + i P + j (5.2)
 * a_l = g_l R_l + beta_l                                 R_l [D_l, K], beta_l [K], i.i.d. N(0, 1/K), fixed (6)
 * L_l = CE(a_l, y)                                       dL/dg = (softmax(a) - onehot(y)) R^T / B
 * prediction: argmax a_L (last-layer, 9.2 S1) or argmax sum_l a_l (all-layers, S2)
 * </pre>
 *
 * R_l and beta_l are drawn once from the engine's seeded random stream when the network is built and are
 * saved with the model, but take no gradient and are never updated. Adaptive pooling uses PyTorch's windows
 * [floor(i H / P), ceil((i + 1) H / P)), which are plain P x P average pools when P divides H.
 *
 * @param alpha exponent of the adaptive partition (1: the official code's table)
 */
public record AsgeObjective(double alpha) implements Objective {

    public AsgeObjective {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("objective.alpha must be a finite number >= 0, got " + alpha);
        }
    }

    @Override
    public ObjectiveHead head(LayerContext context) {
        context.mapSize(); // the grid is cut from the map: its size must be fixed
        return new Head(partition(context), context);
    }

    /** P_l = round((C_L / C_l)^alpha), clamped to [1, H_l]. */
    public int partition(LayerContext c) {
        long p = Math.round(Math.exp(alpha * Math.log(c.lastChannels() / (double) c.channels())));
        return (int) Math.max(1, Math.min(c.size(), p));
    }

    /** g = flatten(adaptive_avgpool_P(u * u)), [B, C P^2]. */
    public static NDArray goodness(NDArray u, int p) {
        return adaptiveAvgPool(u.mul(u), p).reshape(u.getShape().get(0), -1);
    }

    /** PyTorch's AdaptiveAvgPool2d(P) of x [B, C, H, W]: an average pool when P divides H and W. */
    static NDArray adaptiveAvgPool(NDArray x, int p) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h % p == 0 && w % p == 0) {
            Shape k = new Shape(h / p, w / p);
            return Pool.avgPool2d(x, k, k, new Shape(0, 0), false, true);
        }
        return windows(x, p);
    }

    /** Adaptive average pooling cell by cell, windows [floor(i H / P), ceil((i + 1) H / P)). */
    static NDArray windows(NDArray x, int p) {
        Shape s = x.getShape();
        long h = s.get(2);
        long w = s.get(3);
        NDList cells = new NDList();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                String rows = (i * h / p) + ":" + ((i + 1) * h + p - 1) / p;
                String cols = (j * w / p) + ":" + ((j + 1) * w + p - 1) / p;
                cells.add(x.get(":, :, " + rows + ", " + cols).mean(new int[] {3}).mean(new int[] {2}));
            }
        }
        return NDArrays.stack(cells, 2).reshape(s.get(0), s.get(1), p, p);
    }

    /** One layer's fixed projection R_l, beta_l and its partition P_l. */
    static final class Head extends ObjectiveHead {
        private final int partition;
        private final int classes;
        private final Parameter projection;
        private final Parameter bias;

        Head(int partition, LayerContext context) {
            super((byte) 1);
            this.partition = partition;
            this.classes = context.classes();
            long dims = (long) context.channels() * partition * partition;
            double std = 1 / Math.sqrt(classes);
            Initializer normal = (m, shape, type) -> m.randomNormal(0f, (float) std, shape, type);
            this.projection = addParameter(Parameter.builder().setName("projection").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(dims, classes)).optInitializer(normal).optRequiresGrad(false).build());
            this.bias = addParameter(Parameter.builder().setName("projection_bias").setType(Parameter.Type.BIAS)
                    .optShape(new Shape(classes)).optInitializer(normal).optRequiresGrad(false).build());
        }

        /** a = g R + beta, [B, K], in u's manager. */
        NDArray logits(NDArray u) {
            return goodness(u, partition).matMul(projection.getArray()).add(bias.getArray());
        }

        @Override
        public NDArray scores(NDArray y, int epoch) {
            return logits(y); // a_l, no softmax: the strategies sum raw scores (spec 9.2)
        }

        @Override
        public LocalLoss loss(NDArray y, Targets targets, int epoch) {
            NDArray a = logits(y);
            NDArray ce = CrossEntropy.of(a, targets.classes(), 0f);
            return LocalLoss.classified(ce, ce, a, targets.classes());
        }

        /**
         * Where the evidence for class k lies: sum_c u[c, h, w]^2 R[(c, cell(h, w)), k] / |cell|, which sums over
         * positions to g R[:, k]; the default channel goodness when the grid does not divide the map.
         */
        @Override
        public NDArray classMap(NDArray y, int k, int epoch) {
            Shape s = y.getShape();
            long ch = s.get(2) / partition;
            long cw = s.get(3) / partition;
            if (ch * partition != s.get(2) || cw * partition != s.get(3)) {
                return super.classMap(y, k, epoch);
            }
            NDArray column = within(y.getManager(), projection.getArray().get(":, " + k))
                    .reshape(1, s.get(1), partition, partition).repeat(2, ch).repeat(3, cw);
            return Scalars.over(y.mul(y).mul(column).sum(new int[] {1}), ch * cw);
        }
    }
}
