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
import ffcnn.encoding.EncodingConfig;
import ffcnn.nn.LayerContext;
import ffcnn.nn.LayerSpec;
import ffcnn.nn.ModelConfig;
import ffcnn.nn.Network;
import ffcnn.nn.NetworkBuilder;
import ffcnn.nn.ReadOut;
import org.junit.jupiter.api.Test;

/**
 * CaFo's predictors against hand-computed values (specs/baselines.md 5.3): sparsemax and its loss, the
 * gradients of the three losses, the flattened map size the predictors are built for, and blocks that never learn.
 */
class CafoObjectiveTest {

    @Test
    void sparsemaxProjectsOntoTheSimplex() {
        try (NDManager m = NDManager.newBaseManager()) {
            // sorted 1, 0.5, -1: support of 2 (1 + 2 * 0.5 > 1.5, 1 + 3 * -1 < 0.5), tau = (1.5 - 1) / 2
            NDArray[] sp = CafoObjective.sparsemax(m.create(new float[] {0.5f, -1f, 1f, 3f, 0f, 0f}, new Shape(2, 3)));
            assertThat(sp[0].toFloatArray()).containsExactly(new float[] {0.25f, 0f, 0.75f, 1f, 0f, 0f},
                    offset(1e-6f));
            assertThat(sp[1].toFloatArray()).containsExactly(new float[] {0.25f, 2f}, offset(1e-6f));
            assertThat(new CafoObjective("sparsemax").scores(m.create(new float[] {0.5f, -1f, 1f}, new Shape(1, 3)))
                    .toFloatArray()).containsExactly(new float[] {0.25f, 0f, 0.75f}, offset(1e-6f));
        }
    }

    /** The loss of logits z = (0.5, -1, 1) with label 0 and its gradient with respect to z. */
    static float[] lossAndGradient(String loss) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.create(new float[] {0.5f, -1f, 1f}, new Shape(1, 3));
            z.setRequiresGradient(true);
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = new CafoObjective(loss).loss(z, m.create(new int[] {0}));
                value = l.getFloat();
                gc.backward(l);
            }
            float[] g = z.getGradient().toFloatArray();
            return new float[] {value, g[0], g[1], g[2]};
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
    void thePredictorsReadTheWholeMapAndNeedItsSize() {
        LayerSpec spec = LayerSpec.conv(1, 32, 3, 1, false);
        assertThat(new LayerContext(0, spec, 32, 16, 512, 10).flatFeatures()).isEqualTo(8192);
        assertThatThrownBy(() -> new CafoObjective("ce").head(new LayerContext(0, spec, 32, 0, 512, 10)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("model.input_size");
        assertThatThrownBy(() -> new CafoObjective("hinge")).hasMessageContaining("objective.loss");
    }

    @Test
    void theBlocksStayAsInitialisedAndOnlyThePredictorsOfTheReadOutLearn() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Network net = NetworkBuilder.build(new ModelConfig("cafo-cnn", 0.25, 0, "none", "uniform-fan-in", 32,
                    "dropout-conv-relu-bn"), new CafoObjective("ce"), 3, 10, m);
            assertThat(net.layers()).allSatisfy(l -> {
                assertThat(l.learnable()).isEmpty();
                assertThat(l.head().predicts()).isFalse();
                for (var p : l.getParameters().values()) {
                    assertThat(p.getArray().hasGradient()).as(p.getName()).isFalse();
                }
            });
            ReadOut read = net.readout();
            assertThat(read.kind()).isEqualTo("block-predictors");
            assertThat(read.layers()).containsExactly(0, 1, 2);
            // 8 x 16 x 16, 32 x 8 x 8, 128 x 4 x 4 features: CaFo's 8,192 per block at a quarter of the width
            assertThat(read.learnable()).extracting(p -> p.getArray().getShape())
                    .containsExactly(new Shape(10, 2048), new Shape(10, 2048), new Shape(10, 2048));
            assertThat(read.learnable()).allSatisfy(p -> assertThat(p.getArray().sum().getFloat()).isZero());
            assertThat(net.parameterCount()).isEqualTo(3 * 10 * 2048);
        }
    }

    @Test
    void cafoNeedsItsPredictorsAsTheReadOut() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig model = new ModelConfig("cafo-cnn", 0.25, 0, "none", "uniform-fan-in", 32,
                    "dropout-conv-relu-bn");
            assertThatThrownBy(() -> NetworkBuilder.build(model, new CafoObjective("ce"), EncodingConfig.IDENTITY,
                    "linear-heads", 3, 10, m)).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("predict.readout must be block-predictors");
        }
    }
}
