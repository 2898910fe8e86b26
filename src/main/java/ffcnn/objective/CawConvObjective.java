package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ffcnn.encoding.Targets;
import ffcnn.nn.LocalLoss;
import ffcnn.nn.LayerContext;
import ffcnn.nn.ObjectiveHead;
import ffcnn.nn.Scalars;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CAW-Conv: learnable channel-class assignment (Ghader et al., arXiv 2606.09928; specs/caw-conv.md 4-5).
 *
 * <pre>
 * p[b,c] = alpha*mean_hw(y) + beta*max_hw(y) - gamma*min_hw(y)      (pooled channel statistics)
 * T_e    = clamp(exp(tau), 0.1, 100) * rho^e                           (learnable, epoch-decayed temperature)
 * A      = softmax(W / T_e) over classes, per channel                   [C, K]
 * g      = p A                                                          (class scores, [B, K])
 * L      = CE_eps(g, y) + lambda_H H(A) + lambda_O min(1, e/E_O) O(A)
 * H(A)   = (1/K) sum_k -sum_c A[c,k] ln(A[c,k] + 1e-10)                 (entropy, minimised)
 * O(A)   = sum_{k,k'} (Ahat^T Ahat - I)^2 / (K^4 C),  Ahat = column-normalised A
 * </pre>
 *
 * @param labelSmoothing    eps of the cross-entropy (0.1)
 * @param entropyWeight     lambda_H (1e-2)
 * @param orthoWeight       lambda_O (1e-3)
 * @param orthoWarmupEpochs E_O of the orthogonality curriculum (50)
 * @param temperatureInit   initial exp(tau) (10)
 * @param temperatureDecay  rho, per-epoch decay of the temperature (0.995)
 * @param temperatureMin    lower clamp of exp(tau) (0.1)
 * @param temperatureMax    upper clamp of exp(tau) (100)
 * @param assignmentInit    initial value of every entry of W (0.5)
 * @param pooling           (alpha, beta, gamma) of the pooled statistics ((0.94, 0.06, 0.05))
 */
public record CawConvObjective(double labelSmoothing, double entropyWeight, double orthoWeight,
        int orthoWarmupEpochs, double temperatureInit, double temperatureDecay, double temperatureMin,
        double temperatureMax, double assignmentInit, double[] pooling) implements Objective {

    public CawConvObjective {
        if (pooling == null || pooling.length != 3) {
            throw new IllegalArgumentException("objective.pooling must be [alpha, beta, gamma]");
        }
        if (temperatureInit <= 0 || temperatureMin <= 0 || temperatureMax < temperatureMin) {
            throw new IllegalArgumentException("objective temperatures must satisfy 0 < min <= max, init > 0");
        }
        if (labelSmoothing < 0 || labelSmoothing >= 1 || orthoWarmupEpochs < 0) {
            throw new IllegalArgumentException("objective.label_smoothing in [0,1), ortho_warmup_epochs >= 0");
        }
    }

    /** Orthogonality curriculum c(e) = min(1, e / E_O). */
    public double curriculum(int epoch) {
        return orthoWarmupEpochs == 0 ? 1.0 : Math.min(1.0, (double) epoch / orthoWarmupEpochs);
    }

    @Override
    public ObjectiveHead head(LayerContext context) {
        int channels = context.channels();
        int classes = context.classes();
        if (channels % classes != 0) {
            throw new ffcnn.UserInputException(channels + " channels are not a multiple of " + classes
                    + " classes (CAW-Conv keeps DeeperForward's C % K == 0); choose model.width so that every"
                    + " layer's width is a multiple of the class count");
        }
        return new Head(this, channels, classes);
    }

    /** Pooled statistics p = alpha*mean + beta*max - gamma*min over positions, [B, C]. */
    public NDArray pool(NDArray y) {
        NDArray flat = y.reshape(y.getShape().get(0), y.getShape().get(1), -1);
        int[] positions = {2};
        NDArray p = Scalars.times(flat.mean(positions), pooling[0]);
        if (pooling[1] != 0) {
            p = p.add(Scalars.times(flat.max(positions), pooling[1]));
        }
        if (pooling[2] != 0) {
            p = p.sub(Scalars.times(flat.min(positions), pooling[2]));
        }
        return p;
    }

    /** The per-layer part: W [C, K] and tau. */
    static final class Head extends ObjectiveHead {
        private final CawConvObjective rule;
        private final int classes;
        private final Parameter assignment;
        private final Parameter logTemperature;

        Head(CawConvObjective rule, int channels, int classes) {
            super((byte) 1);
            this.rule = rule;
            this.classes = classes;
            this.assignment = addParameter(Parameter.builder().setName("assignment").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(channels, classes))
                    .optInitializer(new ConstantInitializer((float) rule.assignmentInit())).build());
            this.logTemperature = addParameter(Parameter.builder().setName("log_temperature")
                    .setType(Parameter.Type.WEIGHT).optShape(new Shape(1))
                    .optInitializer(new ConstantInitializer((float) Math.log(rule.temperatureInit()))).build());
        }

        /** T_e as an array in {@code m}, so that tau receives its gradient. */
        NDArray temperature(NDManager m, int epoch) {
            NDArray t = within(m, logTemperature.getArray().exp()).clip(rule.temperatureMin(), rule.temperatureMax());
            return Scalars.times(t, (float) Math.pow(rule.temperatureDecay(), epoch));
        }

        /** A = softmax(W / T_e) over classes, in {@code m}. */
        NDArray assignment(NDManager m, int epoch) {
            return within(m, assignment.getArray().div(temperature(m, epoch))).softmax(1);
        }

        @Override
        public NDArray scores(NDArray y, int epoch) {
            return rule.pool(y).matMul(assignment(y.getManager(), epoch));
        }

        /** Classic CAM with the assignment as classifier: sum_c A[c, k] y[c, h, w]. */
        @Override
        public NDArray classMap(NDArray y, int k, int epoch) {
            NDArray a = assignment(y.getManager(), epoch).get(":, " + k);
            return y.mul(a.reshape(1, -1, 1, 1)).sum(new int[] {1});
        }

        @Override
        public LocalLoss loss(NDArray y, Targets targets, int epoch) {
            NDArray labels = targets.classes();
            NDArray a = assignment(y.getManager(), epoch);
            NDArray g = rule.pool(y).matMul(a);
            NDArray ce = CrossEntropy.of(g, labels, (float) rule.labelSmoothing());
            NDArray total = ce.add(Scalars.times(entropy(a), (float) rule.entropyWeight()));
            float ortho = (float) (rule.orthoWeight() * rule.curriculum(epoch));
            if (ortho != 0f) {
                total = total.add(Scalars.times(orthogonality(a), ortho));
            }
            return LocalLoss.classified(total, ce, g, labels);
        }

        /** H(A) = (1/K) sum_k -sum_c A ln(A + 1e-10). */
        static NDArray entropy(NDArray a) {
            return Scalars.over(a.mul(a.add(1e-10f).log()).sum().neg(), a.getShape().get(1));
        }

        /** O(A) = sum (Ahat^T Ahat - I)^2 / (K^4 C). */
        static NDArray orthogonality(NDArray a) {
            long c = a.getShape().get(0);
            long k = a.getShape().get(1);
            NDArray norms = a.mul(a).sum(new int[] {0}, true).sqrt().add(1e-10f);
            NDArray hat = a.div(norms);
            NDArray gram = hat.transpose().matMul(hat);
            NDArray diff = gram.sub(a.getManager().eye((int) k));
            return Scalars.over(diff.mul(diff).sum(), (float) (k * k * k * k * c));
        }

        @Override
        public Map<String, Double> diagnostics(int epoch) {
            // called outside a gradient scope, so nothing here is recorded for backward
            try (NDManager m = assignment.getArray().getManager().newSubManager()) {
                NDArray a = assignment(m, epoch);
                Map<String, Double> d = new LinkedHashMap<>();
                d.put("temperature", (double) temperature(m, epoch).getFloat(0));
                d.put("entropy", (double) entropy(a).getFloat());
                d.put("orthogonality", (double) orthogonality(a).getFloat());
                return d;
            }
        }

        @Override
        public Map<String, float[][]> heatmaps(int epoch) {
            try (NDManager m = assignment.getArray().getManager().newSubManager()) {
                float[] flat = assignment(m, epoch).toFloatArray();
                float[][] out = new float[flat.length / classes][classes];
                for (int c = 0; c < out.length; c++) {
                    System.arraycopy(flat, c * classes, out[c], 0, classes);
                }
                return Map.of("assignment", out);
            }
        }
    }
}
