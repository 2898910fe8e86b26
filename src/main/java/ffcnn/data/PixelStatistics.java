package ffcnn.data;

/** Per-channel mean and standard deviation of {@code x / 255} over the pixels of an {@link ImageSet}. */
final class PixelStatistics {

    private PixelStatistics() {
    }

    /** The normalisation that gives {@code set}'s pixels mean 0 and std 1 per channel (std floored at 1/255). */
    static Normalization of(ImageSet set) {
        int c = set.channels();
        int plane = set.height() * set.width();
        long[] sum = new long[c];
        long[] squares = new long[c];
        byte[] px = set.pixels();
        for (int i = 0; i < set.size(); i++) {
            for (int ch = 0; ch < c; ch++) {
                int from = (i * c + ch) * plane;
                for (int p = 0; p < plane; p++) {
                    int v = px[from + p] & 0xff;
                    sum[ch] += v;
                    squares[ch] += (long) v * v;
                }
            }
        }
        float[] mean = new float[c];
        float[] std = new float[c];
        double n = Math.max(1.0, (double) set.size() * plane);
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / n;
            double var = Math.max(0, squares[ch] / n - m * m);
            mean[ch] = (float) (m / 255);
            std[ch] = (float) Math.max(Math.sqrt(var) / 255, 1.0 / 255);
        }
        return new Normalization(mean, std);
    }
}
