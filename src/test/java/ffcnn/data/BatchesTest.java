package ffcnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class BatchesTest {

    /** {@code n} RGB 2x2 images; every pixel of image {@code i} is {@code i}, its label {@code i % 10}. */
    private static ImageSet rgb(int n) {
        byte[] px = new byte[n * 12];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(px, i * 12, i * 12 + 12, (byte) i);
            y[i] = i % 10;
        }
        return new ImageSet("rgb", px, y, 3, 2, 2, 10);
    }

    private static List<Integer> labelsInOrder(Batches batches) {
        List<Integer> seen = new ArrayList<>();
        while (batches.hasNext()) {
            Batch b = batches.next();
            for (int i = 0; i < b.size(); i++) {
                seen.add(b.labels()[i]);
            }
        }
        return seen;
    }

    @Test
    void normalisesPerChannel() {
        byte[] px = {0, (byte) 255, 0, (byte) 255, 51, 51, 51, 51, (byte) 128, 0, 0, 0};
        ImageSet set = new ImageSet("one", px, new int[] {3}, 3, 2, 2, 10);
        Normalization n = new Normalization(new float[] {0.5f, 0.1f, 0.4914f}, new float[] {0.5f, 0.2f, 0.2023f});

        try (Batches batches = Batches.ordered(set, n, 4)) {
            Batch b = batches.next();
            assertThat(b.size()).isEqualTo(1);
            assertThat(b.labels()).containsExactly(3);
            assertThat(b.images()[0]).isCloseTo(-1f, within(1e-6f));
            assertThat(b.images()[1]).isCloseTo(1f, within(1e-6f));
            assertThat(b.images()[4]).isCloseTo((0.2f - 0.1f) / 0.2f, within(1e-6f));
            assertThat(b.images()[8]).isCloseTo((128 / 255f - 0.4914f) / 0.2023f, within(1e-6f));
            assertThat(batches.hasNext()).isFalse();
        }
    }

    @Test
    void keepsPartialLastBatch() {
        try (Batches batches = Batches.ordered(rgb(10), Normalization.uniform(3, 0, 1), 4)) {
            assertThat(batches.count()).isEqualTo(3);
            List<Integer> sizes = new ArrayList<>();
            while (batches.hasNext()) {
                sizes.add(batches.next().size());
            }
            assertThat(sizes).containsExactly(4, 4, 2);
            assertThatThrownBy(batches::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void orderedKeepsSetOrder() {
        ImageSet set = rgb(25);
        try (Batches batches = Batches.ordered(set, Normalization.uniform(3, 0, 1), 7)) {
            Batch first = batches.next();
            assertThat(first.images()[12]).isEqualTo(1 / 255f); // image 1
            assertThat(first.labels()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        }
    }

    @Test
    void shuffledOrderIsDeterministicPerSeed() {
        ImageSet set = rgb(100);
        Normalization n = Normalization.uniform(3, 0, 1);
        List<Integer> a;
        List<Integer> b;
        List<Integer> c;
        try (Batches x = Batches.shuffled(set, n, 16, 42); Batches y = Batches.shuffled(set, n, 16, 42);
                Batches z = Batches.shuffled(set, n, 16, 43)) {
            a = labelsInOrder(x);
            b = labelsInOrder(y);
            c = labelsInOrder(z);
        }
        assertThat(a).hasSize(100).isEqualTo(b).isNotEqualTo(c);
        assertThat(a).containsExactlyInAnyOrderElementsOf(labelsInOrder(Batches.ordered(set, n, 16)));
    }

    @Test
    void closeStopsTheThreadMidEpoch() {
        ImageSet set = rgb(1000);
        Batches batches = Batches.shuffled(set, Normalization.uniform(3, 0, 1), 10, 1);
        batches.next();
        batches.next();

        batches.close();

        assertThat(batches.producerAlive()).isFalse();
        assertThat(batches.hasNext()).isFalse();
    }

    @Test
    void producerFailureSurfacesInNext() {
        ImageSet set = rgb(10);
        Batches batches = Batches.inOrder(set, Normalization.uniform(3, 0, 1), 4, new int[] {0, 1, 2, 3, 99, 5});

        assertThat(batches.next().size()).isEqualTo(4);
        assertThatThrownBy(batches::next).isInstanceOf(ArrayIndexOutOfBoundsException.class);
        assertThat(batches.hasNext()).isFalse();
        batches.close();
    }
}
