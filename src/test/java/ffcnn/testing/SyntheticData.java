package ffcnn.testing;

import ffcnn.data.DataSplits;
import ffcnn.data.ImageSet;
import ffcnn.data.Normalization;
import java.util.List;
import java.util.Random;

/** Small synthetic 8 x 8 grey images whose class is written in bright pixels: for loops, not for accuracy. */
public final class SyntheticData {

    private SyntheticData() {
    }

    /**
     * {@code n} training images of 10 classes (image i has class i % 10: pixels j with j % 10 == class are bright);
     * validation and test are the first {@code valid} and {@code test} of them.
     */
    public static DataSplits splits(int n, int valid, int test) {
        Random r = new Random(1);
        byte[] px = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int j = 0; j < 64; j++) {
                px[i * 64 + j] = (byte) (j % 10 == labels[i] ? 200 + r.nextInt(50) : r.nextInt(60));
            }
        }
        ImageSet set = new ImageSet("synthetic", px, labels, 1, 8, 8, 10);
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        return new DataSplits("synthetic", set, set.head(valid), set.head(test), Normalization.uniform(1, 0.5f, 0.5f),
                names);
    }
}
