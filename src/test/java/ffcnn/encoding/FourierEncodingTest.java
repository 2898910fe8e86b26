package ffcnn.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ffcnn.UserInputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FourierEncodingTest {

    private static final double AMPLITUDE = 0.7;

    @Test
    void embedKeepsTheImageShape() {
        FourierEncoding enc = new FourierEncoding(10, 3, 28, 28, AMPLITUDE);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(4, 3, 28, 28));
            assertThat(enc.embed(x, new int[] {0, 3, 9, 3}).getShape()).isEqualTo(x.getShape());
            assertThat(enc.neutral(x).getShape()).isEqualTo(x.getShape());
            assertThat(enc.labelInInput()).isTrue();
        }
    }

    @Test
    void patternsHaveZeroMeanAndUnitRms() {
        FourierEncoding enc = new FourierEncoding(100, 3, 32, 32, AMPLITUDE);
        for (int k = 0; k < 100; k++) {
            float[] f = enc.pattern(k);
            assertThat(mean(f)).as("mean of F_%d", k).isCloseTo(0, within(1e-5));
            assertThat(Math.sqrt(dot(f, f) / f.length)).as("RMS of F_%d", k).isCloseTo(1, within(1e-5));
        }
    }

    @Test
    void patternIsTheStandardisedCosineOfItsWaveVector() {
        FourierEncoding enc = new FourierEncoding(10, 1, 28, 28, AMPLITUDE);
        for (int k = 0; k < 10; k++) {
            int[] uv = enc.waveVector(k);
            float[] f = enc.pattern(k);
            double a = 0;
            double b = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double angle = 2 * Math.PI * (uv[0] * x / 28.0 + uv[1] * y / 28.0);
                    a += f[y * 28 + x] * Math.cos(angle) / f.length;
                    b += f[y * 28 + x] * Math.sin(angle) / f.length;
                }
            }
            // sqrt(2)·cos(angle + phi) projects onto cos and sin with a^2 + b^2 = 1/2: all its energy
            assertThat(a * a + b * b).as("class %d", k).isCloseTo(0.5, within(1e-5));
        }
    }

    @Test
    void embeddingZeroGivesAmplitudeTimesThePatternOnEveryChannel() {
        FourierEncoding enc = new FourierEncoding(10, 3, 28, 28, AMPLITUDE);
        int[] classes = {7, 2};
        try (NDManager m = NDManager.newBaseManager()) {
            float[] out = enc.embed(m.zeros(new Shape(2, 3, 28, 28)), classes).toFloatArray();
            for (int i = 0; i < 2; i++) {
                float[] f = enc.pattern(classes[i]);
                for (int c = 0; c < 3; c++) {
                    for (int j = 0; j < f.length; j++) {
                        assertThat(out[(i * 3 + c) * f.length + j]).isEqualTo((float) (AMPLITUDE * f[j]));
                    }
                }
            }
        }
    }

    @Test
    void theNeutralInputIsTheImageAlone() {
        FourierEncoding enc = new FourierEncoding(10, 1, 28, 28, AMPLITUDE);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0, 1, new Shape(2, 1, 28, 28));
            assertThat(enc.neutral(x).toFloatArray()).containsExactly(x.toFloatArray());
            assertThat(enc.embed(x, new int[] {3, 3}).toFloatArray()).isNotEqualTo(x.toFloatArray());
        }
    }

    @Test
    void everyClassGetsItsOwnRepresentableWaveVector() {
        assertDistinctWaveVectors(new FourierEncoding(10, 1, 28, 28, AMPLITUDE), 10, 28);
        assertDistinctWaveVectors(new FourierEncoding(100, 3, 32, 32, AMPLITUDE), 100, 32);
    }

    @Test
    void patternsOfDifferentClassesAreUncorrelatedOverTheImage() {
        assertThat(maxCorrelation(new FourierEncoding(10, 1, 28, 28, AMPLITUDE), 10, 28, 28, 0)).isLessThan(0.5);
        assertThat(maxCorrelation(new FourierEncoding(100, 1, 32, 32, AMPLITUDE), 100, 32, 32, 0)).isLessThan(0.5);
    }

    @Test
    void tenPatternsDifferInEveryEightByEightWindow() {
        FourierEncoding enc = new FourierEncoding(10, 1, 28, 28, AMPLITUDE);
        double worst = 0;
        for (int y0 = 0; y0 + 8 <= 28; y0++) {
            for (int x0 = 0; x0 + 8 <= 28; x0++) {
                worst = Math.max(worst, maxCorrelation(enc, 10, 28, 8, y0 * 28 + x0));
            }
        }
        assertThat(worst).isLessThan(0.5);
    }

    @Test
    void twoInstancesGiveIdenticalOutputs() {
        int[] classes = {5, 0, 99, 42};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(4, 3, 32, 32));
            float[] a = new FourierEncoding(100, 3, 32, 32, AMPLITUDE).embed(x, classes).toFloatArray();
            float[] b = new FourierEncoding(100, 3, 32, 32, AMPLITUDE).embed(x, classes).toFloatArray();
            assertThat(a).containsExactly(b);
        }
    }

    @Test
    void differentClassesGiveDifferentOutputsOnTheSameImage() {
        FourierEncoding enc = new FourierEncoding(100, 3, 32, 32, AMPLITUDE);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(1, 3, 32, 32));
            Set<String> outputs = new HashSet<>();
            for (int k = 0; k < 100; k++) {
                outputs.add(Arrays.toString(enc.embed(x, new int[] {k}).toFloatArray()));
            }
            assertThat(outputs).hasSize(100);
        }
    }

    @Test
    void rejectsMoreClassesThanTheImageHolds() {
        assertThatThrownBy(() -> new FourierEncoding(100, 3, 16, 16, AMPLITUDE))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("100 classes").hasMessageContaining("16x16")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new FourierEncoding(2, 1, 3, 3, AMPLITUDE))
                .isInstanceOf(UserInputException.class).hasMessageContaining("3x3");
    }

    private static void assertDistinctWaveVectors(FourierEncoding enc, int classes, int size) {
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < classes; k++) {
            int[] uv = enc.waveVector(k);
            assertThat(uv[0] == 0 && uv[1] == 0).as("class %d is constant", k).isFalse();
            assertThat(Math.abs(uv[0])).isLessThanOrEqualTo(size / 4);
            assertThat(Math.abs(uv[1])).isLessThanOrEqualTo(size / 4);
            assertThat(seen.add(uv[0] + "," + uv[1])).as("class %d repeats (%d, %d)", k, uv[0], uv[1]).isTrue();
            assertThat(seen).as("class %d is the negative of another", k).doesNotContain(-uv[0] + "," + -uv[1]);
        }
    }

    /** The largest |normalised correlation| between two classes' patterns in the window starting at offset. */
    private static double maxCorrelation(FourierEncoding enc, int classes, int width, int window, int offset) {
        float[][] crops = new float[classes][];
        for (int k = 0; k < classes; k++) {
            float[] f = enc.pattern(k);
            crops[k] = window == 0 ? f : crop(f, width, window, offset);
            double mu = mean(crops[k]);
            for (int j = 0; j < crops[k].length; j++) {
                crops[k][j] -= (float) mu;
            }
        }
        double worst = 0;
        for (int a = 0; a < classes; a++) {
            for (int b = 0; b < a; b++) {
                double r = dot(crops[a], crops[b]) / Math.sqrt(dot(crops[a], crops[a]) * dot(crops[b], crops[b]));
                worst = Math.max(worst, Math.abs(r));
            }
        }
        return worst;
    }

    private static float[] crop(float[] f, int width, int window, int offset) {
        float[] out = new float[window * window];
        for (int y = 0; y < window; y++) {
            for (int x = 0; x < window; x++) {
                out[y * window + x] = f[offset + y * width + x];
            }
        }
        return out;
    }

    private static double mean(float[] f) {
        double s = 0;
        for (float v : f) {
            s += v;
        }
        return s / f.length;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
