package ffcnn.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The class count and image shape [C, H, W] an encoding was built for, and the checks that a batch matches them.
 * A mismatch is a bug in the caller (the datasets and presets are checked before an encoding is built), so it
 * throws {@link IllegalArgumentException}, not a user error.
 */
record EncodingShape(int classes, int channels, int height, int width) {

    EncodingShape {
        if (classes < 2 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("classes >= 2 and channels, height, width >= 1 required, got "
                    + classes + " classes, " + channels + "x" + height + "x" + width);
        }
    }

    /** The image size as the user sees it, e.g. "32x32" (height x width). */
    String size() {
        return height + "x" + width;
    }

    /** Checks that images is [B, C, H, W] with this C, H, W; returns B. */
    int batchOf(NDArray images) {
        Shape s = images.getShape();
        if (s.dimension() != 4 || s.get(1) != channels || s.get(2) != height || s.get(3) != width) {
            throw new IllegalArgumentException("images must be [B, " + channels + ", " + height + ", " + width
                    + "], got " + s);
        }
        return Math.toIntExact(s.get(0));
    }

    /** Checks the images as {@link #batchOf} and that there is one class in [0, classes) per image. */
    void check(NDArray images, int[] labels) {
        int batch = batchOf(images);
        if (labels.length != batch) {
            throw new IllegalArgumentException(labels.length + " classes for a batch of " + batch + " images");
        }
        for (int k : labels) {
            if (k < 0 || k >= classes) {
                throw new IllegalArgumentException("class " + k + " outside [0, " + classes + ")");
            }
        }
    }
}
