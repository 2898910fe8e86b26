package ffcnn.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hinton's hybrid negatives: blurred, thresholded binary masks mixing two images of different classes. */
class HybridImagesTest {

    /** Uniform draws that make the given bits (a draw below 0.5 is a 1). */
    static float[] draws(int... bits) {
        float[] u = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            u[i] = bits[i] == 1 ? 0.1f : 0.9f;
        }
        return u;
    }

    @Test
    void oneBlurThenTheThresholdByHand() {
        // a 1 x 4 row of bits 1 1 0 0, repeated over 2 rows: rows blur to 1, 0.75, 0.25, 0 (columns keep them)
        float[] mask = HybridImages.mask(draws(1, 1, 0, 0, 1, 1, 0, 0), 1, 2, 4, 1);
        assertThat(mask).containsExactly(1, 1, 0, 0, 1, 1, 0, 0);
        // a lone 1 blurs to 0.25 and vanishes; a lone 0 among ones blurs to 0.75 and fills in
        assertThat(HybridImages.mask(draws(0, 0, 0, 0, 1, 0, 0, 0, 0), 1, 3, 3, 1)).containsOnly(0f);
        assertThat(HybridImages.mask(draws(1, 1, 1, 1, 0, 1, 1, 1, 1), 1, 3, 3, 1)).containsOnly(1f);
    }

    @Test
    void repeatedBlurringLeavesLargeBinaryRegions() {
        Random r = new Random(3);
        int n = 20;
        float[] u = new float[n * 28 * 28];
        for (int i = 0; i < u.length; i++) {
            u[i] = r.nextFloat();
        }
        float[] mask = HybridImages.mask(u, n, 28, 28, HybridImages.BLURS);
        int ones = 0;
        int changes = 0;
        int rawChanges = 0;
        for (int p = 0; p < mask.length; p++) {
            assertThat(mask[p]).isIn(0f, 1f);
            ones += (int) mask[p];
            if (p % 28 != 27) {
                changes += mask[p] != mask[p + 1] ? 1 : 0;
                rawChanges += (u[p] < 0.5f) != (u[p + 1] < 0.5f) ? 1 : 0;
            }
        }
        assertThat(ones).as("about half ones").isBetween(mask.length * 3 / 10, mask.length * 7 / 10);
        assertThat(changes).as("horizontal edges of the mask, vs the raw bits' " + rawChanges)
                .isLessThan(rawChanges / 3);
    }

    @Test
    void eachHybridMixesItsImageWithOneOfAnotherClass() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            int b = 6;
            int[] labels = {0, 0, 1, 1, 2, 2};
            float[] values = new float[b * 2 * 28 * 28];
            for (int i = 0; i < values.length; i++) {
                values[i] = i / (2 * 28 * 28) + 1; // image i is the constant i + 1 on both channels
            }
            NDArray images = m.create(values, new Shape(b, 2, 28, 28));
            float[] hybrids = HybridImages.of(images, labels).toFloatArray();
            int plane = 28 * 28;
            for (int i = 0; i < b; i++) {
                int own = 0;
                float other = -1;
                for (int p = 0; p < 2 * plane; p++) {
                    float v = hybrids[i * 2 * plane + p];
                    if (v == i + 1) {
                        own++;
                    } else {
                        assertThat(other == -1 || other == v).as("one partner per image").isTrue();
                        other = v;
                    }
                    if (p < plane) {
                        assertThat(hybrids[i * 2 * plane + plane + p]).as("one mask for both channels").isEqualTo(v);
                    }
                }
                assertThat(own).as("image " + i + " keeps part of itself").isBetween(2 * plane / 10, 2 * plane * 9 / 10);
                int partner = (int) other - 1;
                assertThat(labels[partner]).as("partner of another class").isNotEqualTo(labels[i]);
            }
        }
    }

    @Test
    void theSeedFixesMasksAndPartners() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.arange(0f, 4 * 16 * 16f).reshape(4, 1, 16, 16);
            int[] labels = {0, 1, 2, 3};
            Engine.getInstance().setRandomSeed(5);
            float[] a = HybridImages.of(images, labels).toFloatArray();
            Engine.getInstance().setRandomSeed(5);
            float[] again = HybridImages.of(images, labels).toFloatArray();
            Engine.getInstance().setRandomSeed(6);
            float[] other = HybridImages.of(images, labels).toFloatArray();
            assertThat(again).containsExactly(a);
            assertThat(other).isNotEqualTo(a);
        }
    }

    @Test
    void hybridNegativesFollowThePositivesAndAreUnsupervisedOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            Encoder encoder = new Encoder(new EncodingConfig("identity", 1, "rms", "hybrid"), 10);
            NDArray x = m.randomUniform(0, 1, new Shape(4, 1, 8, 8));
            Encoder.Encoded e = encoder.training(x, new int[] {0, 1, 2, 3});
            assertThat(e.input().getShape()).isEqualTo(new Shape(8, 1, 8, 8));
            assertThat(e.input().get("0:4").toFloatArray()).containsExactly(x.toFloatArray());
            assertThat(e.targets().positive().toFloatArray()).containsExactly(1, 1, 1, 1, 0, 0, 0, 0);
        }
        assertThatThrownBy(() -> new EncodingConfig("overlay", 1, "rms", "hybrid"))
                .hasMessageContaining("encoding.negatives hybrid");
    }
}
