package ffcnn.objective;

import ffcnn.testing.Contexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.XavierInitializer;
import ffcnn.nn.ConvBnUnit;
import ffcnn.nn.LayerSpec;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.ModelConfig;
import ffcnn.nn.Network;
import ffcnn.nn.NetworkBuilder;
import ffcnn.nn.ResidualLink;
import org.junit.jupiter.api.Test;

/** CwComp's goodness, loss, block and network (specs/baselines.md 6). */
class CwCompObjectiveTest {

    static final CwCompObjective CWC = new CwCompObjective(0);

    @Test
    void classScoresAreMeanSquaresOfChannelGroups() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.create(new float[] {1, 3, -5, 7}, new Shape(1, 4, 1, 1));
            assertThat(CWC.head(Contexts.of(4, 2)).scores(y, 0).toFloatArray()).containsExactly(5f, 37f);
            NDArray loss = CWC.head(Contexts.of(4, 2)).loss(y, ffcnn.encoding.Targets.of(m.create(new int[] {0})), 0).total();
            assertThat(loss.getFloat()).isCloseTo(32f, within(1e-4f)); // CE = 37 - 5 + log(1 + e^-32)
            assertThat(CWC.head(Contexts.of(4, 2)).getParameters().isEmpty()).isTrue();
        }
        assertThatThrownBy(() -> CWC.head(Contexts.of(25, 10))).hasMessageContaining("25 channels");
    }

    @Test
    void blockBatchNormalisesTrainingBatchesAndKeepsRunningStatistics() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            ConvBnUnit unit = new ConvBnUnit(new LayerSpec(2, 4, 3, 1, 1, false, ResidualLink.NONE, 2, true), 0f,
                    new XavierInitializer());
            unit.initialize(m);
            NDArray x = m.randomNormal(new Shape(8, 2, 6, 6)).add(1f);
            NDArray y = unit.apply(x, true);
            assertThat(y.getShape()).isEqualTo(new Shape(8, 4, 3, 3));
            NDArray perChannel = y.transpose(1, 0, 2, 3).reshape(4, -1);
            for (float mean : perChannel.mean(new int[] {1}).toFloatArray()) {
                assertThat(mean).isCloseTo(0f, within(1e-4f));
            }
            NDArray runningMean = unit.getParameters().get("runningMean").getArray();
            NDArray runningVar = unit.getParameters().get("runningVar").getArray();
            float[] rm = runningMean.toFloatArray();
            float[] rv = runningVar.toFloatArray();
            // PyTorch momentum 0.1 from (0, 1): running = 0.9 * old + 0.1 * batch statistic
            NDArray pre = ai.djl.nn.pooling.Pool.maxPool2d(ai.djl.nn.Activation.relu(ai.djl.nn.convolutional.Conv2d
                    .conv2d(x, unit.getParameters().get("weight").getArray(), unit.getParameters().get("bias")
                            .getArray(), new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 2).singletonOrThrow()),
                    new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false).transpose(1, 0, 2, 3).reshape(4, -1);
            float[] batchMean = pre.mean(new int[] {1}).toFloatArray();
            for (int c = 0; c < 4; c++) {
                assertThat(rm[c]).isCloseTo(0.1f * batchMean[c], within(1e-5f));
                assertThat(rv[c]).isGreaterThan(0f).isNotEqualTo(1f);
            }
            // evaluation uses the running statistics: (a - rm) / sqrt(rv + 1e-4) with gamma 1, beta 0
            NDArray eval = unit.apply(x, false).transpose(1, 0, 2, 3).reshape(4, -1);
            float expected = (pre.getFloat(0, 0) - rm[0]) / (float) Math.sqrt(rv[0] + 1e-4);
            assertThat(eval.getFloat(0, 0)).isCloseTo(expected, within(1e-4f));
        }
    }

    @Test
    void cfseNetworkHasTheOfficialShapesAndParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = NetworkBuilder.build(new ModelConfig("cwcomp-cnn", 1.0, 0, "none", "uniform-fan-in", 0,
                    "dropout-conv-relu-bn"), CWC, 1, 10, m);
            // conv + bias + BN gamma/beta per layer; running statistics are not learnable
            assertThat(net.parameterCount()).isEqualTo(240 + 1680 + 173_520 + 105_120);
            int[][] shapes = {{20, 28}, {80, 14}, {240, 14}, {480, 7}};
            int h = 28;
            for (int l = 0; l < 4; l++) {
                LocalLayer layer = net.layers().get(l);
                h = layer.spec().outputSize(h);
                assertThat(new int[] {layer.spec().outChannels(), h}).containsExactly(shapes[l]);
                assertThat(layer.spec().groups()).isEqualTo(l % 2 == 1 ? 10 : 1);
            }
            NDArray scores = net.scores(m.randomNormal(new Shape(2, 1, 28, 28)), 0).get(3);
            assertThat(scores.getShape()).isEqualTo(new Shape(2, 10));
        }
    }
}
