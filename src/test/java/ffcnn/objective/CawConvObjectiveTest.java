package ffcnn.objective;

import ffcnn.testing.Contexts;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ffcnn.nn.LocalLoss;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The test oracles of specs/caw-conv.md section 16. */
class CawConvObjectiveTest {

    static final CawConvObjective PAPER = new CawConvObjective(0.1, 1e-2, 1e-3, 50, 10, 0.995, 0.1, 100, 0.5,
            new double[] {0.94, 0.06, 0.05});

    NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    CawConvObjective.Head head(int c, int k) {
        CawConvObjective.Head h = (CawConvObjective.Head) PAPER.head(Contexts.of(c, k));
        h.initialize(m, DataType.FLOAT32, new Shape(1, c, 1, 1));
        return h;
    }

    @Test
    void initialAssignmentIsUniformAtEveryTemperature() { // O1
        for (int epoch : new int[] {0, 10, 149}) {
            float[] a = head(100, 10).assignment(m, epoch).toFloatArray();
            for (float v : a) {
                assertThat(v).isCloseTo(0.1f, within(1e-6f));
            }
        }
    }

    @Test
    void assignmentIsASoftmaxOverClassesAtTemperatureT() { // O2: one row W = [1, 0], T = 10 and T = 1
        CawConvObjective.Head h = (CawConvObjective.Head) new CawConvObjective(0.1, 1e-2, 1e-3, 50, 10, 0.995, 0.1,
                100, 0.5, new double[] {0.94, 0.06, 0.05}).head(Contexts.of(2, 2));
        h.initialize(m, DataType.FLOAT32, new Shape(1, 2, 1, 1));
        h.getParameters().get("assignment").getArray().set(new float[] {1, 0, 1, 0});
        assertThat(h.assignment(m, 0).toFloatArray())
                .containsExactly(new float[] {0.5249792f, 0.4750208f, 0.5249792f, 0.4750208f}, within(1e-6f));
        h.getParameters().get("log_temperature").getArray().set(new float[] {0f});
        assertThat(h.assignment(m, 0).toFloatArray())
                .containsExactly(new float[] {0.7310586f, 0.2689414f, 0.7310586f, 0.2689414f}, within(1e-6f));
    }

    @Test
    void temperatureDecaysPerEpoch() { // O12
        CawConvObjective.Head h = head(10, 10);
        double[] expected = {10, 9.95, 7.7831256, 6.0577044, 4.7384798};
        int[] epochs = {0, 1, 50, 100, 149};
        for (int i = 0; i < epochs.length; i++) {
            assertThat(h.temperature(m, epochs[i]).getFloat(0)).isCloseTo((float) expected[i], within(2e-5f));
            assertThat(h.diagnostics(epochs[i]).get("temperature")).isCloseTo(expected[i], within(2e-5));
        }
    }

    @Test
    void entropyOfUniformAndOneHotAssignments() { // O3, O4
        assertThat(CawConvObjective.Head.entropy(m.full(new Shape(100, 10), 0.1f)).getFloat())
                .isCloseTo(23.025851f, within(1e-4f));
        assertThat(CawConvObjective.Head.entropy(m.full(new Shape(800, 10), 0.1f)).getFloat())
                .isCloseTo(184.20681f, within(1e-3f));
        assertThat(CawConvObjective.Head.entropy(m.full(new Shape(100, 100), 0.01f)).getFloat())
                .isCloseTo(4.6051702f, within(1e-5f));
        assertThat(CawConvObjective.Head.entropy(oneHotRows(100, 10)).getFloat()).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void orthogonalityOfUniformAndDisjointAssignments() { // O5, O6
        assertThat(CawConvObjective.Head.orthogonality(m.full(new Shape(100, 10), 0.1f)).getFloat())
                .isCloseTo(9.0e-5f, within(1e-9f));
        assertThat(CawConvObjective.Head.orthogonality(m.full(new Shape(100, 100), 0.01f)).getFloat())
                .isCloseTo(9.9e-7f, within(1e-10f));
        assertThat(CawConvObjective.Head.orthogonality(m.full(new Shape(200, 10), 0.1f)).getFloat())
                .isCloseTo(4.5e-5f, within(1e-9f));
        assertThat(CawConvObjective.Head.orthogonality(oneHotRows(100, 10)).getFloat()).isCloseTo(0f, within(1e-9f));
    }

    @Test
    void curriculumRampsOverFiftyEpochs() { // O7
        assertThat(PAPER.curriculum(0)).isEqualTo(0.0);
        assertThat(PAPER.curriculum(25)).isEqualTo(0.5);
        assertThat(PAPER.curriculum(50)).isEqualTo(1.0);
        assertThat(PAPER.curriculum(149)).isEqualTo(1.0);
    }

    @Test
    void pooledStatisticsOfConstantAndRampMaps() { // O8, O9
        NDArray constant = m.full(new Shape(1, 1, 4, 4), 2f);
        assertThat(PAPER.pool(constant).getFloat(0, 0)).isCloseTo(1.9f, within(1e-6f));
        NDArray ramp = m.create(new float[] {0, 1, 2, 3}, new Shape(1, 1, 2, 2));
        assertThat(PAPER.pool(ramp).getFloat(0, 0)).isCloseTo(1.59f, within(1e-6f));
        CawConvObjective mnist = new CawConvObjective(0.1, 1e-2, 1e-3, 50, 10, 0.995, 0.1, 100, 0.5,
                new double[] {0.97, 0.03, 0.03});
        assertThat(mnist.pool(ramp).getFloat(0, 0)).isCloseTo(1.545f, within(1e-6f));
        assertThat(mnist.pool(constant).getFloat(0, 0)).isCloseTo(1.94f, within(1e-6f));
    }

    @Test
    void labelSmoothedCrossEntropy() { // O10, O11
        NDArray labels = m.create(new int[] {0});
        NDArray logits = m.create(new float[] {2, 0, 0}, new Shape(1, 3));
        assertThat(CrossEntropy.of(logits, labels, 0.1f).getFloat()).isCloseTo(0.3728781f, within(1e-6f));
        assertThat(CrossEntropy.of(logits, labels, 0f).getFloat()).isCloseTo(0.2395448f, within(1e-6f));
        NDArray equal = m.full(new Shape(1, 10), 0.7f);
        assertThat(CrossEntropy.of(equal, m.create(new int[] {3}), 0.1f).getFloat())
                .isCloseTo(2.3025851f, within(1e-6f));
    }

    @Test
    void initialLossIsLnKWithUniformAssignment() { // O10 through the head
        CawConvObjective.Head h = head(20, 10);
        NDArray y = m.randomUniform(0, 1, new Shape(4, 20, 3, 3));
        LocalLoss loss = h.loss(y, ffcnn.encoding.Targets.of(m.create(new int[] {0, 1, 2, 3})), 0);
        assertThat(loss.taskLoss().getFloat()).isCloseTo(2.3025851f, within(1e-5f));
        // epoch 0: entropy term only, (C/K) ln K / 100
        assertThat(loss.total().getFloat()).isCloseTo(2.3025851f + 0.01f * 2f * 2.3025851f, within(1e-5f));
    }

    NDArray oneHotRows(int c, int k) {
        float[] a = new float[c * k];
        for (int i = 0; i < c; i++) {
            a[i * k + i % k] = 1f;
        }
        return m.create(a, new Shape(c, k));
    }
}
