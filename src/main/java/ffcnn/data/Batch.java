package ffcnn.data;

/**
 * One batch of normalised images, NCHW float, and their labels. The arrays may be longer than
 * {@code size} images; only the first {@code size} are valid.
 *
 * @param images   normalised pixels, {@code (x/255 - mean[c]) / std[c]}
 * @param labels   class per image
 * @param size     images in the batch
 * @param channels channels per image
 * @param height   rows
 * @param width    columns
 */
public record Batch(float[] images, int[] labels, int size, int channels, int height, int width) {
}
