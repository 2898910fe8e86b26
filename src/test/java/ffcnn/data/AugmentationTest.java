package ffcnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    /** One 1-channel 3x3 image holding 1..9. */
    private static Batch nine() {
        float[] x = new float[9];
        for (int i = 0; i < 9; i++) {
            x[i] = i + 1;
        }
        return new Batch(x, new int[] {0}, 1, 1, 3, 3);
    }

    @Test
    void noPaddingNoFlipKeepsTheImage() {
        Batch b = nine();
        new Augmentation(0, false).apply(b, new float[] {-1}, new SplittableRandom(1));
        assertThat(b.images()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void cropShiftsInPaddingAndFlipMirrors() {
        List<float[]> seen = new ArrayList<>();
        for (long seed = 0; seed < 200; seed++) {
            Batch b = nine();
            new Augmentation(1, true).apply(b, new float[] {-1}, new SplittableRandom(seed));
            seen.add(b.images());
        }
        assertThat(seen).anySatisfy(x -> assertThat(x).containsExactly(3, 2, 1, 6, 5, 4, 9, 8, 7)); // mirrored
        assertThat(seen).anySatisfy(x -> assertThat(x).containsExactly(-1, -1, -1, -1, 1, 2, -1, 4, 5)); // moved
        assertThat(seen).allSatisfy(x -> assertThat(x[4]).isBetween(1f, 9f)); // the centre stays inside
    }

    @Test
    void sameSeedSameAugmentedBatchesAndOrderUnchanged() {
        ImageSet set = new ImageSet("s", new byte[20 * 16], new int[20], 1, 4, 4, 2);
        for (int i = 0; i < set.pixels().length; i++) {
            set.pixels()[i] = (byte) (i * 7);
        }
        Normalization norm = Normalization.uniform(1, 0.5f, 0.25f);
        List<Batch> a = all(Batches.shuffled(set, norm, 8, 5, Augmentation.CROP_AND_FLIP));
        List<Batch> b = all(Batches.shuffled(set, norm, 8, 5, Augmentation.CROP_AND_FLIP));
        List<Batch> plain = all(Batches.shuffled(set, norm, 8, 5));
        List<Batch> none = all(Batches.shuffled(set, norm, 8, 5, null));
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).images()).isEqualTo(b.get(i).images());
            assertThat(none.get(i).images()).isEqualTo(plain.get(i).images());
        }
        assertThat(a.get(0).images()).isNotEqualTo(plain.get(0).images());
    }

    private static List<Batch> all(Batches batches) {
        List<Batch> out = new ArrayList<>();
        try (batches) {
            batches.forEachRemaining(out::add);
        }
        return out;
    }
}
