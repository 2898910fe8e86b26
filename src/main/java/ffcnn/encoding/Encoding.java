package ffcnn.encoding;

import ai.djl.ndarray.NDArray;

/**
 * How a label enters a network's input. Methods that learn from labels at their heads (CAW-Conv, DeeperForward,
 * CwComp, backprop) use {@link IdentityEncoding}: the image alone. The Forward-Forward family writes the label
 * into the image (one-hot pixels, a Fourier pattern, a morphological transformation) and learns from positive
 * (true label) and negative (wrong label) inputs; prediction then tries every class as a candidate.
 *
 * <p>Images are [B, C, H, W] float arrays, already normalised per dataset and resized to the network's input
 * size; results live in the images' manager. An encoding is built for one image shape and class count and
 * refuses (with a {@code ffcnn.UserInputException}) a label design that cannot fit them.
 */
public interface Encoding {

    /** Whether the label is part of the input: training then needs negatives and prediction one pass per class. */
    boolean labelInInput();

    /** The images [B, C, H, W], image i labelled {@code classes[i]} (ignored without the label in the input). */
    NDArray embed(NDArray images, int[] classes);

    /** The images with a neutral label: no class information (the identity for encodings without a label). */
    NDArray neutral(NDArray images);
}
