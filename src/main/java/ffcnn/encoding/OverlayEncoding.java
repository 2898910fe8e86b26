package ffcnn.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ffcnn.UserInputException;

/**
 * Hinton's label embedding (specs/baselines.md 3.2): the first K pixels of the image (row-major, every
 * channel) are overwritten by a one-hot code of the label. loeweX writes 1 for the label and 0 elsewhere on
 * images in [0, 1]; the images here are normalised per dataset, so the label pixel takes the image's own
 * maximum and the others its minimum (CaFo's variant writes the maximum too). The neutral label gives every
 * one of the K pixels min + (max - min) / K, loeweX's uniform 1/K.
 */
public final class OverlayEncoding implements Encoding {

    private final int classes;

    /** For {@code classes} classes on {@code height} x {@code width} images; the code must fit in the image. */
    public OverlayEncoding(int classes, int height, int width) {
        if (classes > height * width) {
            throw new UserInputException("encoding.kind overlay: " + classes + " label pixels do not fit a "
                    + height + "x" + width + " image");
        }
        this.classes = classes;
    }

    @Override
    public boolean labelInInput() {
        return true;
    }

    @Override
    public NDArray embed(NDArray images, int[] labels) {
        Shape s = images.getShape();
        int plane = (int) (s.get(2) * s.get(3));
        float[] code = new float[labels.length * plane];
        for (int i = 0; i < labels.length; i++) {
            code[i * plane + labels[i]] = 1;
        }
        return write(images, images.getManager().create(code, new Shape(labels.length, 1, s.get(2), s.get(3))));
    }

    @Override
    public NDArray neutral(NDArray images) {
        Shape s = images.getShape();
        float[] code = new float[(int) (s.get(2) * s.get(3))];
        java.util.Arrays.fill(code, 0, classes, 1f / classes);
        return write(images, images.getManager().create(code, new Shape(1, 1, s.get(2), s.get(3))));
    }

    /** x with its first K pixels replaced by min + (max - min) * code. */
    private NDArray write(NDArray images, NDArray code) {
        Shape s = images.getShape();
        float[] slots = new float[(int) (s.get(2) * s.get(3))];
        java.util.Arrays.fill(slots, 0, classes, 1f);
        NDArray mask = images.getManager().create(slots, new Shape(1, 1, s.get(2), s.get(3)));
        NDArray flat = images.reshape(s.get(0), -1);
        NDArray min = flat.min(new int[] {1}).reshape(s.get(0), 1, 1, 1);
        NDArray max = flat.max(new int[] {1}).reshape(s.get(0), 1, 1, 1);
        NDArray label = min.add(max.sub(min).mul(code));
        return images.mul(mask.neg().add(1)).add(label.mul(mask));
    }
}
