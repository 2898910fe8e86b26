package ffcnn.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Hinton's negative data for unsupervised Forward-Forward (arXiv 2212.13345, the unsupervised example): hybrid
 * images that keep short-range correlations but mix the long-range shapes of two images.
 *
 * <pre>
 *   mask  = random bit image, blurred {@link #BLURS} times with [1/4, 1/2, 1/4] along rows and then along columns,
 *           thresholded: 1 where the blurred value is > 0.5, else 0
 *   x~_i  = mask_i * x_i + (1 - mask_i) * x_j          j: another image of the batch, of a different class
 * </pre>
 *
 * <ul>
 *   <li>[DESIGN] The paper says "repeatedly" without a count: {@link #BLURS} rounds, which leave regions a few
 *       pixels wide on 28 x 28 images. At the border the blur repeats the edge pixel.</li>
 *   <li>[DESIGN] One mask per image, shared by its channels; bits and partners are drawn from the engine's random
 *       stream (the trainer seeds it per epoch), so a seed fixes them.</li>
 *   <li>[DESIGN] The partner of image i is image (i + o) mod B with o uniform in 1..B-1, moved on to the next
 *       image of another class when it has the same class (the same class only when the batch has no other).</li>
 * </ul>
 */
public final class HybridImages {

    /** Rounds of blurring. */
    public static final int BLURS = 6;

    private HybridImages() {
    }

    /** The hybrids of {@code images} [B, C, H, W] labelled {@code labels}, in the images' manager. */
    public static NDArray of(NDArray images, int[] labels) {
        NDManager m = images.getManager();
        Shape s = images.getShape();
        int b = labels.length;
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        float[] bits = m.randomUniform(0, 1, new Shape(b, h, w)).toFloatArray();
        int[] offsets = b > 1 ? m.randomInteger(1, b, new Shape(b), DataType.INT32).toIntArray() : new int[b];
        NDArray mask = m.create(mask(bits, b, h, w, BLURS), new Shape(b, 1, h, w)).toType(images.getDataType(), false);
        NDArray partners = images.get(m.create(partners(labels, offsets)));
        return images.mul(mask).add(partners.mul(mask.neg().add(1)));
    }

    /**
     * Masks [n, h, w] (row-major) from uniform draws {@code uniform} in [0, 1): bits (draw < 0.5), blurred
     * {@code blurs} times along rows and columns, thresholded at 0.5. Values are exactly 0 or 1.
     */
    public static float[] mask(float[] uniform, int n, int h, int w, int blurs) {
        float[] out = new float[n * h * w];
        double[] a = new double[h * w];
        double[] t = new double[h * w];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < h * w; p++) {
                a[p] = uniform[i * h * w + p] < 0.5f ? 1 : 0;
            }
            for (int r = 0; r < blurs; r++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        t[y * w + x] = 0.25 * a[y * w + Math.max(x - 1, 0)] + 0.5 * a[y * w + x]
                                + 0.25 * a[y * w + Math.min(x + 1, w - 1)];
                    }
                }
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        a[y * w + x] = 0.25 * t[Math.max(y - 1, 0) * w + x] + 0.5 * t[y * w + x]
                                + 0.25 * t[Math.min(y + 1, h - 1) * w + x];
                    }
                }
            }
            for (int p = 0; p < h * w; p++) {
                out[i * h * w + p] = a[p] > 0.5 ? 1f : 0f;
            }
        }
        return out;
    }

    /** The partner of each image (see the class comment), from offsets in 1..B-1. */
    public static long[] partners(int[] labels, int[] offsets) {
        int b = labels.length;
        long[] out = new long[b];
        for (int i = 0; i < b; i++) {
            int j = (i + offsets[i]) % b;
            for (int step = 0; step < b && labels[j] == labels[i]; step++) {
                j = (j + 1) % b;
            }
            out[i] = j;
        }
        return out;
    }
}
