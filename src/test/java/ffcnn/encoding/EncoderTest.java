package ffcnn.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ffcnn.UserInputException;
import org.junit.jupiter.api.Test;

/** Training inputs with negatives, candidates for prediction, and Hinton's one-hot overlay. */
class EncoderTest {

    static final EncodingConfig OVERLAY = new EncodingConfig("overlay", 1, "rms", "wrong-label");

    @Test
    void identityPassesTheImagesThroughWithTheirLabels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(3, 1, 8, 8));
            Encoder.Encoded e = new Encoder(EncodingConfig.IDENTITY, 10).training(x, new int[] {4, 5, 6});
            assertThat(e.input()).isSameAs(x);
            assertThat(e.targets().contrastive()).isFalse();
            assertThat(e.targets().classes().toIntArray()).containsExactly(4, 5, 6);
            assertThat(new Encoder(EncodingConfig.IDENTITY, 10).candidates()).isEqualTo(1);
        }
    }

    @Test
    void negativesFollowThePositivesWithAWrongLabelDrawnUniformly() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            int b = 3000;
            int[] labels = new int[b];
            for (int i = 0; i < b; i++) {
                labels[i] = i % 10;
            }
            Encoder.Encoded e = new Encoder(OVERLAY, 10).training(m.zeros(new Shape(b, 1, 4, 4)).add(
                    m.randomUniform(0, 1, new Shape(b, 1, 4, 4))), labels);
            assertThat(e.input().getShape()).isEqualTo(new Shape(2L * b, 1, 4, 4));
            int[] classes = e.targets().classes().toIntArray();
            float[] positive = e.targets().positive().toFloatArray();
            int[] offsets = new int[10];
            for (int i = 0; i < b; i++) {
                assertThat(classes[i]).isEqualTo(labels[i]);
                assertThat(positive[i]).isEqualTo(1f);
                assertThat(positive[b + i]).isZero();
                assertThat(classes[b + i]).isNotEqualTo(labels[i]);
                offsets[Math.floorMod(classes[b + i] - labels[i], 10)]++;
            }
            for (int k = 1; k < 10; k++) {
                assertThat(offsets[k]).as("wrong label at offset " + k).isBetween(b / 9 - 80, b / 9 + 80);
            }
        }
    }

    @Test
    void theHardestWrongLabelIsTheBestScoredClassOtherThanTheImagesOwn() {
        float[][] scores = {{0.1f, 0.9f, 0.5f}, {0.7f, 0.2f, 0.6f}, {0.3f, 0.3f, 0.1f}};
        // image 0 (class 1): 0.5 at class 2 beats 0.1; image 1 (class 0): 0.6 beats 0.2; image 2: a tie, the lower
        assertThat(Encoder.hardest(scores, new int[] {1, 0, 2})).containsExactly(2, 2, 0);
    }

    @Test
    void givenWrongLabelsBecomeTheNegatives() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0, 1, new Shape(2, 1, 4, 4));
            Encoder encoder = new Encoder(new EncodingConfig("overlay", 1, "rms", "hardest"), 3);
            Encoder.Encoded e = encoder.training(x, new int[] {0, 1}, new int[] {2, 0});
            assertThat(encoder.negatives()).isEqualTo("hardest");
            assertThat(e.targets().classes().toIntArray()).containsExactly(0, 1, 2, 0);
            assertThat(e.input().get("2:4").toFloatArray())
                    .containsExactly(encoder.candidates(x.get("0:1"), 2, 3).concat(encoder.candidates(x.get("1:2"), 0, 1),
                            0).toFloatArray());
        }
    }

    @Test
    void candidatesComeClassByClass() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0, 1, new Shape(2, 1, 4, 4));
            NDArray c = new Encoder(OVERLAY, 10).candidates(x, 3, 6);
            assertThat(c.getShape()).isEqualTo(new Shape(6, 1, 4, 4));
            for (int k = 3; k < 6; k++) {
                for (int i = 0; i < 2; i++) {
                    float[] pixels = c.get((k - 3) * 2 + i).toFloatArray();
                    float max = x.get(i).max().getFloat();
                    assertThat(pixels[k]).as("class %d, image %d", k, i).isEqualTo(max);
                }
            }
        }
    }

    @Test
    void overlayWritesTheOneHotCodeIntoTheFirstPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                    new Shape(1, 1, 4, 4));
            float[] y = new OverlayEncoding(10, 4, 4).embed(x, new int[] {2}).toFloatArray();
            assertThat(y).containsExactly(0, 0, 15, 0, 0, 0, 0, 0, 0, 0, 10, 11, 12, 13, 14, 15);
            float[] n = new OverlayEncoding(10, 4, 4).neutral(x).toFloatArray();
            assertThat(n[0]).isEqualTo(1.5f);
            assertThat(n[9]).isEqualTo(1.5f);
            assertThat(n[10]).isEqualTo(10f);
        }
    }

    @Test
    void aCodeThatCannotFitTheImageIsRefused() {
        assertThatThrownBy(() -> new OverlayEncoding(100, 8, 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("8x8");
    }
}
