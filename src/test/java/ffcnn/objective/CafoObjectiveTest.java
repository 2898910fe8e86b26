package ffcnn.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ffcnn.UserInputException;
import ffcnn.encoding.Targets;
import ffcnn.nn.LayerContext;
import ffcnn.nn.LayerSpec;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.ModelConfig;
import ffcnn.nn.Network;
import ffcnn.nn.NetworkBuilder;
import ffcnn.nn.ObjectiveHead;
import org.junit.jupiter.api.Test;

/**
 * CaFo's predictors against hand-computed values (specs/baselines.md 5.3): sparsemax and its loss, the
 * gradients of the three losses, the flattened map size the head is built for, and blocks that never learn.
 */
class CafoObjectiveTest {

    /** A head for a 1-channel 1 x 3 "map" (three features) and 3 classes, its weight set to the identity. */
    static ObjectiveHead identityHead(String loss, NDManager m) {
        ObjectiveHead head = new CafoObjective(loss).head(new LayerContext(0, LayerSpec.conv(1, 3, 1, 0, false), 3,
                1, 3, 3));
        head.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 3, 1, 1));
        head.getParameters().get("predictor").getArray().set(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        head.getParameters().get("predictor").getArray().setRequiresGradient(true);
        return head;
    }

    @Test
    void sparsemaxProjectsOntoTheSimplex() {
        try (NDManager m = NDManager.newBaseManager()) {
            // sorted 1, 0.5, -1: support of 2 (1 + 2 * 0.5 > 1.5, 1 + 3 * -1 < 0.5), tau = (1.5 - 1) / 2
            NDArray[] sp = CafoObjective.sparsemax(m.create(new float[] {0.5f, -1f, 1f, 3f, 0f, 0f}, new Shape(2, 3)));
            assertThat(sp[0].toFloatArray()).containsExactly(new float[] {0.25f, 0f, 0.75f, 1f, 0f, 0f},
                    offset(1e-6f));
            assertThat(sp[1].toFloatArray()).containsExactly(new float[] {0.25f, 2f}, offset(1e-6f));
        }
    }

    /** The loss of z = (0.5, -1, 1) with label 0 and its gradient with respect to z (= the weight's, W = I). */
    static float[] lossAndGradient(String loss) {
        try (NDManager m = NDManager.newBaseManager()) {
            ObjectiveHead head = identityHead(loss, m);
            NDArray y = m.create(new float[] {0.5f, -1f, 1f}, new Shape(1, 1, 1, 3));
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = head.loss(y, Targets.of(m.create(new int[] {0})), 0).total();
                value = l.getFloat();
                gc.backward(l);
            }
            // dL/dW[i][k] = x_i dL/dz_k: row i = 2 (x = 1) is dL/dz
            float[] g = head.getParameters().get("predictor").getArray().getGradient().toFloatArray();
            return new float[] {value, g[6], g[7], g[8]};
        }
    }

    @Test
    void sparsemaxLossAndItsGradientSparsemaxMinusTheTarget() {
        // -z_0 + 1/2 ((0.5^2 - 0.25^2) + (1^2 - 0.25^2)) + 1/2 = -0.5 + 0.5625 + 0.5
        assertThat(lossAndGradient("sparsemax")).containsExactly(new float[] {0.5625f, 0.25f - 1, 0, 0.75f},
                offset(1e-6f));
    }

    @Test
    void crossEntropyAndMseGradients() {
        double e0 = Math.exp(0.5);
        double e1 = Math.exp(-1);
        double e2 = Math.exp(1);
        double sum = e0 + e1 + e2;
        assertThat(lossAndGradient("ce")).containsExactly(new float[] {(float) -Math.log(e0 / sum),
            (float) (e0 / sum - 1), (float) (e1 / sum), (float) (e2 / sum)}, offset(1e-6f));
        // 1/2 ((0.5 - 1)^2 + 1 + 1), gradient z - onehot
        assertThat(lossAndGradient("mse")).containsExactly(new float[] {1.125f, -0.5f, -1f, 1f}, offset(1e-6f));
    }

    @Test
    void theHeadReadsTheWholeMapAndNeedsItsSize() {
        LayerSpec spec = LayerSpec.conv(1, 32, 3, 1, false);
        assertThat(new LayerContext(0, spec, 32, 16, 512, 10).flatFeatures()).isEqualTo(8192);
        assertThatThrownBy(() -> new CafoObjective("ce").head(new LayerContext(0, spec, 32, 0, 512, 10)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("model.input_size");
        assertThatThrownBy(() -> new CafoObjective("hinge")).hasMessageContaining("objective.loss");
    }

    @Test
    void theBlocksStayAsInitialisedAndOnlyThePredictorsLearn() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Network net = NetworkBuilder.build(new ModelConfig("cafo-cnn", 0.25, 0, "none", "uniform-fan-in", 32,
                    "dropout-conv-relu-bn"), new CafoObjective("ce"), 3, 10, m);
            // 8 x 16 x 16, 32 x 8 x 8, 128 x 4 x 4 features: CaFo's 8,192 per block at a quarter of the width
            assertThat(net.layers()).extracting(l -> l.learnable().size()).containsExactly(1, 1, 1);
            assertThat(net.layers()).extracting(l -> l.learnable().get(0).getArray().getShape().get(0))
                    .containsExactly(2048L, 2048L, 2048L);
            for (LocalLayer l : net.layers()) {
                for (var p : l.getParameters().values()) {
                    assertThat(p.getArray().hasGradient()).as(p.getName())
                            .isEqualTo(p.getName().equals("predictor"));
                }
            }
        }
    }
}
