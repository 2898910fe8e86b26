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

    /** ImageNet's per-channel statistics (torchvision's). */
    public static final Normalization IMAGENET = new Normalization(new float[] {0.485f, 0.456f, 0.406f},
            new float[] {0.229f, 0.224f, 0.225f});

    /** The values {@link #resolve} knows by name. */
    public static final String KNOWN = "dataset, none, imagenet, MEAN/STD or M1,M2,M3/S1,S2,S3";

    /**
     * The normalisation a preset's {@code data.normalization} names, for images of {@code channels} channels:
     * {@code dataset} (or null) keeps {@code datasetDefault}, the dataset's own statistics; {@code none} leaves
     * the pixels in [0, 1] (mean 0, std 1); {@code imagenet} is {@link #IMAGENET} (its grey mean for one
     * channel); {@code MEAN/STD} is the same pair for every channel, {@code M1,M2,M3/S1,S2,S3} one per channel.
     *
     * @throws IllegalArgumentException for any other text, a channel count that does not match, or a std
     *                                  {@code <= 0}
     */
    public static Normalization resolve(String spec, Normalization datasetDefault, int channels) {
        if (spec == null || spec.equals("dataset")) {
            return datasetDefault;
        }
        if (spec.equals("none")) {
            return uniform(channels, 0f, 1f);
        }
        if (spec.equals("imagenet")) {
            return channels == 3 ? IMAGENET : uniform(channels, mean(IMAGENET.mean), mean(IMAGENET.std));
        }
        String[] parts = spec.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("data.normalization '" + spec + "' is not one of: " + KNOWN);
        }
        float[] m = numbers(parts[0], spec);
        float[] s = numbers(parts[1], spec);
        if (m.length != s.length || (m.length != 1 && m.length != channels)) {
            throw new IllegalArgumentException("data.normalization '" + spec + "' needs one mean and one std, or one"
                    + " of each per channel (" + channels + ")");
        }
        if (m.length == 1) {
            return uniform(channels, m[0], s[0]);
        }
        return new Normalization(m, s);
    }

    private static float[] numbers(String text, String spec) {
        String[] items = text.split(",");
        float[] v = new float[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                v[i] = Float.parseFloat(items[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("data.normalization '" + spec + "' is not one of: " + KNOWN);
            }
        }
        return v;
    }

    private static float mean(float[] v) {
        float sum = 0;
        for (float x : v) {
            sum += x;
        }
        return sum / v.length;
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
