package ffcnn.encoding;

import ai.djl.ndarray.NDArray;

/**
 * What a layer's head learns from on a training batch of N inputs.
 *
 * @param classes  [N] int32: the class of each input (for encodings with the label in the input, the class
 *                 written into it)
 * @param positive [N] float, 1 for a positive input and 0 for a negative one, or null when there are no
 *                 negatives. With negatives the first half of the batch holds the positives and the second
 *                 half the negatives of the same images, in the same order (SymBa pairs them).
 */
public record Targets(NDArray classes, NDArray positive) {

    /** Targets of a batch without negatives. */
    public static Targets of(NDArray classes) {
        return new Targets(classes, null);
    }

    /** Whether the batch holds positives and negatives. */
    public boolean contrastive() {
        return positive != null;
    }
}
