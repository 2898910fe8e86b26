package ffcnn.data;

import java.util.Arrays;

/**
 * Images held as unsigned bytes in memory, NCHW order (channel planes, rows top to bottom), with one
 * label per image. Immutable in use: subsets copy.
 *
 * @param name       a label for messages, e.g. {@code fashion-mnist/train}
 * @param pixels     {@code size * channels * height * width} bytes, image after image
 * @param labels     class index per image, {@code 0 <= label < numClasses}
 * @param channels   1 (grey) or 3 (RGB)
 * @param height     rows
 * @param width      columns
 * @param numClasses number of classes K
 * @param skipped    images of the files this set was decoded from that could not be decoded and were left
 *                   out ({@link ImageSource#skipped}); 0 for sets read from dataset files, and for subsets
 */
public record ImageSet(String name, byte[] pixels, int[] labels, int channels, int height, int width, int numClasses,
        int skipped) implements ImageSource {

    public ImageSet {
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes for " + labels.length
                    + " images of " + channels + "x" + height + "x" + width);
        }
    }

    /** A set with nothing skipped. */
    public ImageSet(String name, byte[] pixels, int[] labels, int channels, int height, int width, int numClasses) {
        this(name, pixels, labels, channels, height, width, numClasses, 0);
    }

    /** Number of images. */
    @Override
    public int size() {
        return labels.length;
    }

    /** Bytes per image. */
    public int imageBytes() {
        return channels * height * width;
    }

    @Override
    public int read(int[] order, int from, int count, byte[] dst, int[] dstLabels) {
        int bytes = imageBytes();
        for (int i = 0; i < count; i++) {
            System.arraycopy(pixels, order[from + i] * bytes, dst, i * bytes, bytes);
            dstLabels[i] = labels[order[from + i]];
        }
        return count;
    }

    /** The first {@code n} images (all of them when {@code n >= size()}). */
    @Override
    public ImageSet head(int n) {
        if (n >= size()) {
            return this;
        }
        return new ImageSet(name, Arrays.copyOf(pixels, n * imageBytes()), Arrays.copyOf(labels, n),
                channels, height, width, numClasses);
    }

    /** The images at {@code indices}, in that order. */
    public ImageSet select(int[] indices, String newName) {
        int bytes = imageBytes();
        byte[] px = new byte[indices.length * bytes];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * bytes, px, i * bytes, bytes);
            lb[i] = labels[indices[i]];
        }
        return new ImageSet(newName, px, lb, channels, height, width, numClasses);
    }
}
