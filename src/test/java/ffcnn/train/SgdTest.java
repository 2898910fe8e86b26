package ffcnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PyTorch's SGD with momentum and L2 weight decay, against steps computed by hand. */
class SgdTest {

    static Parameter param(NDManager m, float... values) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optArray(m.create(values))
                .build();
        p.getArray().setRequiresGradient(true);
        return p;
    }

    /** Leaves the gradient {@code coefficients} on p (the gradient of sum(p * coefficients)). */
    static void backward(Parameter p, NDArray coefficients) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(p.getArray().mul(coefficients).sum());
        }
    }

    @Test
    void twoStepsMatchTheHandComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 1f, -2f);
            NDArray g = m.create(new float[] {0.5f, 1f});
            Sgd opt = new Sgd(List.of(p), 0.9, 0.01, 0, m);
            backward(p, g);
            opt.step(0.1);
            // d = g + 0.01 theta = [0.51, 0.98]; b = d; theta -= 0.1 b
            assertThat(p.getArray().toFloatArray()).containsExactly(new float[] {0.949f, -2.098f}, within(1e-6f));
            assertThat(p.getArray().getGradient().toFloatArray()).containsExactly(0f, 0f);
            backward(p, g);
            opt.step(0.1);
            // d = [0.5 + 0.00949, 1 - 0.02098]; b = 0.9 [0.51, 0.98] + d = [0.96849, 1.86102]; theta -= 0.1 b
            assertThat(p.getArray().toFloatArray()).containsExactly(new float[] {0.852151f, -2.284102f},
                    within(1e-6f));
            assertThat(opt.steps()).isEqualTo(2);
        }
    }

    @Test
    void withoutMomentumOrDecayItIsPlainGradientDescent() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 3f);
            Sgd opt = new Sgd(List.of(p), 0, 0, 0, m);
            for (int i = 0; i < 2; i++) {
                backward(p, m.create(new float[] {2f}));
                opt.step(0.25);
            }
            assertThat(p.getArray().getFloat(0)).isEqualTo(2f); // 3 - 0.5 - 0.5
        }
    }

    @Test
    void aRestoredOptimiserContinuesWithTheSameMomentum() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = param(m, 1f);
            Parameter b = param(m, 1f);
            Sgd first = new Sgd(List.of(a), 0.9, 0, 0, m);
            backward(a, m.create(new float[] {1f}));
            first.step(0.1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            first.save(new DataOutputStream(bytes));
            b.getArray().set(a.getArray().toFloatArray());
            Sgd restored = new Sgd(List.of(b), 0.9, 0, 0, m);
            restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            backward(a, m.create(new float[] {1f}));
            first.step(0.1);
            backward(b, m.create(new float[] {1f}));
            restored.step(0.1);
            assertThat(b.getArray().getFloat(0)).isEqualTo(a.getArray().getFloat(0)).isCloseTo(0.71f, within(1e-6f));
            assertThat(restored.steps()).isEqualTo(2);
        }
    }

    @Test
    void thePresetChoosesTheOptimiser() {
        TrainConfig sgd = new TrainConfig(1, 8, 0.1, 0, 0, 0, 1, List.of(), "sgd", 0.9, null);
        assertThat(sgd.optimizer()).isEqualTo("sgd");
        assertThat(new TrainConfig(1, 8, 0.1, 0, 0, 0, 1).optimizer()).isEqualTo("adamw");
        assertThatThrownBy(() -> new TrainConfig(1, 8, 0.1, 0, 0, 0, 1, List.of(), "adam", 0.9, null))
                .hasMessageContaining("train.optimizer");
        assertThatThrownBy(() -> new TrainConfig(1, 8, 0.1, 0, 0, 0, 1, List.of(), "sgd", 1.0, null))
                .hasMessageContaining("train.momentum");
    }
}
