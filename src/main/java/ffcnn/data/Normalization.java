package ffcnn.data;

import java.util.Arrays;

/**
 * Per-channel normalisation of pixels: a byte {@code x} of channel {@code c} becomes
 * {@code (x / 255 - mean[c]) / std[c]}, as torchvision's {@code ToTensor} then {@code Normalize}.
 *
 * @param mean per-channel mean of {@code x / 255}
 * @param std  per-channel standard deviation of {@code x / 255}, each {@code > 0}
 */
public record Normalization(float[] mean, float[] std) {

    public Normalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value per channel: " + Arrays.toString(mean)
                    + " / " + Arrays.toString(std));
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be > 0: " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The same mean and std for every one of {@code channels}. */
    public static Normalization uniform(int channels, float mean, float std) {
        float[] m = new float[channels];
        float[] s = new float[channels];
        Arrays.fill(m, mean);
        Arrays.fill(s, std);
        return new Normalization(m, s);
    }

    /** Number of channels. */
    public int channels() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /**
     * The value of every byte of every channel: {@code table[c][x & 0xff]}. Converting through this table
     * is exact to the float rounding of the formula and avoids a division per pixel.
     */
    public float[][] lookupTable() {
        float[][] table = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int x = 0; x < 256; x++) {
                table[c][x] = (x / 255f - mean[c]) / std[c];
            }
        }
        return table;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
