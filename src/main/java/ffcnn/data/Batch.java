package ffcnn.data;

/**
 * A batch of normalised images, NCHW floats, {@code (x / 255 - mean[c]) / std[c]}, with their labels.
 *
 * @param images   {@code size * channels * height * width} floats
 * @param labels   class index per image
 * @param size     number of images (the last batch of an epoch may be smaller than the others)
 * @param channels channels per image
 * @param height   rows
 * @param width    columns
 */
public record Batch(float[] images, int[] labels, int size, int channels, int height, int width) {

    public Batch {
        if (labels.length != size || images.length != (long) size * channels * height * width) {
            throw new IllegalArgumentException("batch of " + size + " images of " + channels + "x" + height + "x"
                    + width + " has " + images.length + " floats and " + labels.length + " labels");
        }
    }

    /** Floats per image. */
    public int imageFloats() {
        return channels * height * width;
    }
}
