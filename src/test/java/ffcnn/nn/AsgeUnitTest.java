package ffcnn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import org.junit.jupiter.api.Test;

/** The ASGE block of specs/asge.md 4.1: RMS norm to unit mean square, and the pool written before the next conv. */
class AsgeUnitTest {

    @Test
    void normalisesEverySampleToUnitMeanSquare() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = AsgeUnit.rms(m.randomNormal(0, 5, new Shape(3, 4, 6, 6), DataType.FLOAT32));
            assertThat(z.mul(z).reshape(3, -1).mean(new int[] {1}).toFloatArray())
                    .containsExactly(new float[] {1, 1, 1}, offset(1e-5f));
        }
    }

    @Test
    void aLaterBlockConvolvesTheNormalisedAveragePoolOfWhatItReceives() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            LayerSpec spec = LayerSpec.conv(4, 8, 3, 1, true);
            AsgeUnit later = new AsgeUnit(spec, false, 0.1f, NetworkBuilder.initializer("normal-fan-in"));
            AsgeUnit first = new AsgeUnit(spec, true, 0.1f, NetworkBuilder.initializer("normal-fan-in"));
            later.initialize(m);
            first.initialize(m);
            first.getParameters().get("weight").getArray().set(later.getParameters().get("weight").getArray()
                    .toFloatArray());
            NDArray u = m.randomUniform(0f, 2f, new Shape(2, 4, 8, 8));
            NDArray pooled = AsgeUnit.rms(Pool.avgPool2d(u, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true));
            // evaluation: no dropout; the first block takes its (already normalised) input as it is
            assertThat(later.apply(u, false).toFloatArray()).containsExactly(first.apply(pooled, false).toFloatArray(),
                    offset(1e-5f));
            assertThat(later.getParameters().get("bias").getArray().toFloatArray()).containsOnly(0f);
            assertThat(later.apply(u, false).getShape()).isEqualTo(new Shape(2, 8, 4, 4));
        }
    }
}
