package ffcnn.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ffcnn.UserInputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MorphologicalEncodingTest {

    private static final int[][] DIRECTIONS = {{1, 0}, {1, -1}, {0, 1}, {1, 1}}; // (dx, dy), as documented

    @Test
    void embedKeepsTheImageShapeAndNeutralKeepsTheImage() {
        MorphologicalEncoding enc = new MorphologicalEncoding(10, 3, 28, 28);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(4, 3, 28, 28));
            assertThat(enc.embed(x, new int[] {0, 3, 9, 3}).getShape()).isEqualTo(x.getShape());
            assertThat(enc.neutral(x).toFloatArray()).containsExactly(x.toFloatArray());
            assertThat(enc.labelInInput()).isTrue();
        }
    }

    @Test
    void tableIsDistinctForAHundredClasses() {
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < 100; k++) {
            int len = MorphologicalEncoding.length(k);
            assertThat(len).isBetween(2, 14);
            seen.add(MorphologicalEncoding.dilates(k) + "/" + MorphologicalEncoding.orientation(k) + "/" + len);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void dilationIsAboveTheImageAndErosionBelow() {
        MorphologicalEncoding enc = new MorphologicalEncoding(100, 3, 32, 32);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(100, 3, 32, 32));
            float[] in = x.toFloatArray();
            float[] out = enc.embed(x, allClasses(100)).toFloatArray();
            int per = 3 * 32 * 32;
            for (int k = 0; k < 100; k++) {
                int wrongSide = 0;
                int changed = 0;
                for (int j = k * per; j < (k + 1) * per; j++) {
                    boolean ok = MorphologicalEncoding.dilates(k) ? out[j] >= in[j] : out[j] <= in[j];
                    wrongSide += ok ? 0 : 1;
                    changed += out[j] != in[j] ? 1 : 0;
                }
                assertThat(wrongSide).as("class %d: pixels on the wrong side of the image", k).isZero();
                assertThat(changed).as("class %d: pixels changed", k).isGreaterThan(per / 4);
            }
        }
    }

    @Test
    void everyOperatorLeavesAConstantImageUnchanged() {
        MorphologicalEncoding enc = new MorphologicalEncoding(100, 3, 32, 32);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] out = enc.embed(m.full(new Shape(100, 3, 32, 32), 0.25f), allClasses(100)).toFloatArray();
            long changed = IntStream.range(0, out.length).filter(j -> out[j] != 0.25f).count();
            assertThat(changed).as("pixels changed").isZero();
        }
    }

    @Test
    void brightPixelDilatedByAHorizontalLineBecomesASegmentOfItsLength() {
        MorphologicalEncoding enc = new MorphologicalEncoding(100, 1, 32, 32);
        for (int k : new int[] {0, 8, 32, 96}) { // horizontal dilations of length 2, 3, 6, 14
            float[] out = dilatePoint(enc, k, 16, 16);
            int len = MorphologicalEncoding.length(k);
            int lo = (len - 1) / 2;
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    // out(x) = max over t of in(x + t), t in [-lo, len - 1 - lo]: bright for x in [16 - hi, 16 + lo]
                    boolean bright = y == 16 && x >= 16 - (len - 1 - lo) && x <= 16 + lo;
                    assertThat(out[y * 32 + x]).as("class %d at (%d, %d)", k, x, y).isEqualTo(bright ? 1f : 0f);
                }
            }
        }
    }

    @Test
    void brightPixelDilatedByAnyLineBecomesThatManyCollinearPixels() {
        MorphologicalEncoding enc = new MorphologicalEncoding(100, 1, 32, 32);
        for (int k = 0; k < 100; k += 2) {
            float[] out = dilatePoint(enc, k, 15, 16);
            int[] d = DIRECTIONS[MorphologicalEncoding.orientation(k)];
            int count = 0;
            for (int i = 0; i < out.length; i++) {
                if (out[i] == 1f) {
                    int dx = i % 32 - 15;
                    int dy = i / 32 - 16;
                    assertThat(dx * d[1] - dy * d[0]).as("class %d: (%d, %d) off the line", k, dx, dy).isZero();
                    count++;
                }
            }
            assertThat(count).as("class %d", k).isEqualTo(MorphologicalEncoding.length(k));
        }
    }

    @Test
    void matchesTheDefinitionOnRandomImages() {
        int classes = 88; // lines up to 12 pixels on a 12x12 image
        MorphologicalEncoding enc = new MorphologicalEncoding(classes, 2, 12, 12);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0, 1, new Shape(classes, 2, 12, 12));
            float[] in = x.toFloatArray();
            float[] out = enc.embed(x, allClasses(classes)).toFloatArray();
            for (int k = 0; k < classes; k++) {
                for (int c = 0; c < 2; c++) {
                    int base = (k * 2 + c) * 144;
                    float[] expected = definition(Arrays.copyOfRange(in, base, base + 144), 12, k);
                    assertThat(Arrays.copyOfRange(out, base, base + 144)).as("class %d", k).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void mixedBatchEqualsPerImageResults() {
        MorphologicalEncoding enc = new MorphologicalEncoding(100, 3, 32, 32);
        Random random = new Random(7);
        int[] classes = new int[64];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = random.nextInt(100);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(64, 3, 32, 32));
            float[] batch = enc.embed(x, classes).toFloatArray();
            int per = 3 * 32 * 32;
            for (int i = 0; i < classes.length; i++) {
                float[] single = enc.embed(x.get(i).expandDims(0), new int[] {classes[i]}).toFloatArray();
                assertThat(Arrays.copyOfRange(batch, i * per, (i + 1) * per)).containsExactly(single);
            }
        }
    }

    @Test
    void differentClassesGiveDifferentOutputsOnTheSameImage() {
        MorphologicalEncoding enc = new MorphologicalEncoding(100, 3, 32, 32);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(1, 3, 32, 32));
            Set<String> outputs = new HashSet<>();
            for (int k = 0; k < 100; k++) {
                outputs.add(Arrays.toString(enc.embed(x, new int[] {k}).toFloatArray()));
            }
            assertThat(outputs).hasSize(100);
            assertThat(outputs).doesNotContain(Arrays.toString(x.toFloatArray()));
        }
    }

    @Test
    void twoInstancesGiveIdenticalOutputs() {
        int[] classes = {5, 0, 99, 42};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(4, 3, 32, 32));
            float[] a = new MorphologicalEncoding(100, 3, 32, 32).embed(x, classes).toFloatArray();
            float[] b = new MorphologicalEncoding(100, 3, 32, 32).embed(x, classes).toFloatArray();
            assertThat(a).containsExactly(b);
        }
    }

    @Test
    void rejectsLinesLongerThanTheImage() {
        assertThatThrownBy(() -> new MorphologicalEncoding(100, 3, 12, 16))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("100 classes").hasMessageContaining("12x16")
                .hasMessageNotContaining("\n");
    }

    private static float[] dilatePoint(MorphologicalEncoding enc, int k, int x, int y) {
        float[] img = new float[32 * 32];
        img[y * 32 + x] = 1f;
        try (NDManager m = NDManager.newBaseManager()) {
            return enc.embed(m.create(img, new Shape(1, 1, 32, 32)), new int[] {k}).toFloatArray();
        }
    }

    /** Max (dilation) or min (erosion) over the in-image points of class k's line, straight from the Javadoc. */
    private static float[] definition(float[] img, int size, int k) {
        int len = MorphologicalEncoding.length(k);
        int[] d = DIRECTIONS[MorphologicalEncoding.orientation(k)];
        boolean dilation = MorphologicalEncoding.dilates(k);
        float[] out = new float[img.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float best = img[y * size + x];
                for (int t = -((len - 1) / 2); t <= len / 2; t++) {
                    int xs = x + t * d[0];
                    int ys = y + t * d[1];
                    if (xs >= 0 && xs < size && ys >= 0 && ys < size) {
                        float v = img[ys * size + xs];
                        best = dilation ? Math.max(best, v) : Math.min(best, v);
                    }
                }
                out[y * size + x] = best;
            }
        }
        return out;
    }

    private static int[] allClasses(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
