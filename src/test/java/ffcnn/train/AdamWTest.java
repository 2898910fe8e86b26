package ffcnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Oracles O13, O14, O16, O17 of specs/caw-conv.md and DeeperForward's O8, O9. */
class AdamWTest {

    @Test
    void cosineScheduleMatchesPyTorch() {
        CosineSchedule tiny = new CosineSchedule(0.03, 0.003, 150);
        assertThat(tiny.at(0)).isCloseTo(0.03, within(1e-9));
        assertThat(tiny.at(1)).isCloseTo(0.02999704, within(1e-8));
        assertThat(tiny.at(75)).isCloseTo(0.0165, within(1e-9));
        assertThat(tiny.at(149)).isCloseTo(0.00300296, within(1e-8));
        CosineSchedule resnet = new CosineSchedule(0.08, 0.006, 150);
        assertThat(resnet.at(1)).isCloseTo(0.07999189, within(1e-8));
        assertThat(resnet.at(75)).isCloseTo(0.043, within(1e-9));
        CosineSchedule df20 = new CosineSchedule(0.08, 0.008, 20);
        assertThat(df20.at(1)).isCloseTo(0.0795568, within(1e-7));
        assertThat(df20.at(19)).isCloseTo(0.0084432, within(1e-7));
    }

    Parameter param(NDManager m, float... values) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                .optArray(m.create(values)).build();
        p.getArray().setRequiresGradient(true);
        return p;
    }

    void backward(Parameter p, NDArray coefficients) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(p.getArray().mul(coefficients).sum());
        }
    }

    @Test
    void oneStepMatchesPyTorchAdamW() { // O16
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 1f);
            backward(p, m.create(new float[] {0.5f}));
            AdamW opt = new AdamW(List.of(p), 0.01, 0, m);
            opt.step(0.1);
            assertThat(p.getArray().getFloat(0)).isCloseTo(0.899000002f, within(1e-7f));
            assertThat(p.getArray().getGradient().getFloat(0)).isZero();
        }
    }

    @Test
    void clipsTheGlobalNormBeforeTheStep() { // O17: gradient [3, 4] clipped to norm 1 is [0.6, 0.8]
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 0f, 0f);
            backward(p, m.create(new float[] {3f, 4f}));
            // beta1 = beta2 = 0 and eps = 1 make the step lr * g / (|g| + 1), which shows the clipped g
            new AdamW(List.of(p), 0, 1.0, 0f, 0f, 1f, m).step(1.0);
            float gx = 3f / (5f + 1e-6f);
            float gy = 4f / (5f + 1e-6f);
            assertThat(p.getArray().toFloatArray())
                    .containsExactly(new float[] {-gx / (gx + 1), -gy / (gy + 1)}, within(1e-6f));
        }
    }

    @Test
    void gradientsAccumulateAcrossCollectorsUntilTheStepZeroesThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 1f);
            backward(p, m.create(new float[] {2f}));
            backward(p, m.create(new float[] {3f}));
            assertThat(p.getArray().getGradient().getFloat(0)).isEqualTo(5f);
            new AdamW(List.of(p), 0, 0, m).step(0.1);
            assertThat(p.getArray().getGradient().getFloat(0)).isZero();
        }
    }

    @Test
    void momentsSurviveSaveAndLoad() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = param(m, 1f, 2f);
            Parameter b = param(m, 1f, 2f);
            AdamW first = new AdamW(List.of(a), 0.01, 1, m);
            backward(a, m.create(new float[] {0.3f, -0.2f}));
            first.step(0.1);
            var bytes = new java.io.ByteArrayOutputStream();
            first.save(new java.io.DataOutputStream(bytes));
            AdamW second = new AdamW(List.of(b), 0.01, 1, m);
            second.load(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
            b.getArray().set(a.getArray().toFloatArray());
            backward(a, m.create(new float[] {0.1f, 0.4f}));
            backward(b, m.create(new float[] {0.1f, 0.4f}));
            first.step(0.05);
            second.step(0.05);
            assertThat(b.getArray().toFloatArray()).containsExactly(a.getArray().toFloatArray());
            assertThat(second.steps()).isEqualTo(2);
        }
    }

    @Test
    void theOnePassHostUpdateLandsWhereTheEngineCallsDo() {
        // a transposed parameter is not contiguous: PyTorch offers no view of it, so it takes the engine path
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(7);
            NDArray start = m.randomNormal(new ai.djl.ndarray.types.Shape(300, 700));
            Parameter host = Parameter.builder().setName("a").setType(Parameter.Type.WEIGHT)
                    .optArray(start.duplicate()).build();
            Parameter engine = Parameter.builder().setName("b").setType(Parameter.Type.WEIGHT)
                    .optArray(m.create(start.transpose().toFloatArray(), new ai.djl.ndarray.types.Shape(700, 300)).transpose())
                    .build();
            host.getArray().setRequiresGradient(true);
            engine.getArray().setRequiresGradient(true);
            assertThat(HostView.of(host.getArray())).isNotNull();
            assertThat(HostView.of(engine.getArray())).isNull();
            AdamW a = new AdamW(List.of(host), 0.01, 0.5, m);
            AdamW b = new AdamW(List.of(engine), 0.01, 0.5, m);
            for (int step = 0; step < 3; step++) {
                NDArray coefficients = m.randomNormal(start.getShape());
                backward(host, coefficients);
                backward(engine, coefficients);
                a.step(0.1);
                b.step(0.1);
            }
            float[] x = host.getArray().toFloatArray();
            float[] y = engine.getArray().toFloatArray();
            assertThat(x).hasSize(210_000).containsExactly(y, within(1e-6f));
            assertThat(x).isNotEqualTo(start.toFloatArray());
            assertThat(host.getArray().getGradient().abs().max().getFloat()).isZero();
        }
    }
}
