package ffcnn.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The one place where images become network input, in training and in prediction (before the input
 * normalisation, which the network applies). Training gives the inputs with their {@link Targets}: for an
 * encoding with the label in the input, the B positives (true label) followed by B negatives (the same images
 * with a wrong label). Prediction gives one candidate input per class and image, or the image itself.
 */
public final class Encoder {

    private final EncodingConfig config;
    private final int classes;
    private Encoding encoding;
    private Shape shape;

    /** An encoder for {@code classes} classes; the label design is checked against the first images' shape. */
    public Encoder(EncodingConfig config, int classes) {
        this.config = config;
        this.classes = classes;
    }

    /** The inputs of a training batch and what the heads learn from them. */
    public record Encoded(NDArray input, Targets targets) {
    }

    /** Whether prediction needs one pass per candidate class. */
    public boolean labelInInput() {
        return !config.kind().equals("identity");
    }

    /** Candidate classes a prediction tries per image: K with the label in the input, else 1. */
    public int candidates() {
        return labelInInput() ? classes : 1;
    }

    /** How negatives are chosen ({@code encoding.negatives}). */
    public String negatives() {
        return config.negatives();
    }

    /**
     * The training inputs of {@code images} [B, C, H, W] labelled {@code labels}. Wrong labels are drawn from
     * the engine's random stream (seeded per epoch by the trainer), uniformly over the other classes. With
     * {@code hybrid} negatives (unsupervised, the image alone) the negatives are {@link HybridImages} of the
     * batch; their classes are those of the images they were made from.
     */
    public Encoded training(NDArray images, int[] labels) {
        NDManager m = images.getManager();
        Encoding e = encoding(images.getShape());
        if (config.negatives().equals("hybrid")) {
            int b = labels.length;
            int[] all = Arrays.copyOf(labels, 2 * b);
            System.arraycopy(labels, 0, all, b, b);
            NDArray input = images.concat(HybridImages.of(images, labels), 0);
            NDArray positive = m.ones(new Shape(b)).concat(m.zeros(new Shape(b)), 0);
            return new Encoded(input, new Targets(m.create(all), positive));
        }
        if (!e.labelInInput()) {
            return new Encoded(images, Targets.of(m.create(labels)));
        }
        int b = labels.length;
        int[] offsets = m.randomInteger(1, classes, new Shape(b), DataType.INT32).toIntArray();
        int[] wrong = new int[b];
        for (int i = 0; i < b; i++) {
            wrong[i] = (labels[i] + offsets[i]) % classes;
        }
        return training(images, labels, wrong);
    }

    /**
     * The training inputs of {@code images} labelled {@code labels} with the given wrong labels: the B positives,
     * then the B negatives (image i labelled {@code wrong[i]}). Needs an encoding with the label in the input.
     */
    public Encoded training(NDArray images, int[] labels, int[] wrong) {
        NDManager m = images.getManager();
        Encoding e = encoding(images.getShape());
        if (!e.labelInInput() || wrong.length != labels.length) {
            throw new IllegalArgumentException("wrong labels need an encoding with the label in the input and one"
                    + " wrong label per image");
        }
        int b = labels.length;
        int[] all = Arrays.copyOf(labels, 2 * b);
        System.arraycopy(wrong, 0, all, b, b);
        NDArray input = e.embed(images, labels).concat(e.embed(images, wrong), 0);
        NDArray positive = m.ones(new Shape(b)).concat(m.zeros(new Shape(b)), 0);
        return new Encoded(input, new Targets(m.create(all), positive));
    }

    /**
     * Candidate inputs for classes {@code from..to-1}: [(to - from) * B, C, H, W], class by class (all images
     * with class {@code from} first). Without the label in the input, the images themselves.
     */
    public NDArray candidates(NDArray images, int from, int to) {
        Encoding e = encoding(images.getShape());
        if (!e.labelInInput()) {
            return images;
        }
        int b = (int) images.getShape().get(0);
        NDList parts = new NDList();
        for (int k = from; k < to; k++) {
            int[] labels = new int[b];
            Arrays.fill(labels, k);
            parts.add(e.embed(images, labels));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    }

    /** The images with a neutral label (the images themselves without the label in the input). */
    public NDArray neutral(NDArray images) {
        return encoding(images.getShape()).neutral(images);
    }

    /**
     * The hardest wrong labels (Hinton's negatives from the network's own predictions, specs/baselines.md 3.2):
     * per image, the class other than its own with the highest {@code scores} [B, K] (the lowest class on a tie).
     */
    public static int[] hardest(float[][] scores, int[] labels) {
        int[] wrong = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int best = -1;
            for (int k = 0; k < scores[i].length; k++) {
                if (k != labels[i] && (best < 0 || scores[i][k] > scores[i][best])) {
                    best = k;
                }
            }
            wrong[i] = best;
        }
        return wrong;
    }

    /** The encoding for images of {@code s}'s C, H, W (built once; refuses a label design that cannot fit). */
    private synchronized Encoding encoding(Shape s) {
        Shape one = new Shape(s.get(1), s.get(2), s.get(3));
        if (encoding == null || !one.equals(shape)) {
            encoding = create(config, classes, (int) s.get(1), (int) s.get(2), (int) s.get(3));
            shape = one;
        }
        return encoding;
    }

    /** The encoding {@code config} names, for {@code classes} classes on C x H x W images. */
    public static Encoding create(EncodingConfig config, int classes, int channels, int height, int width) {
        return switch (config.kind()) {
            case "identity" -> new IdentityEncoding();
            case "overlay" -> new OverlayEncoding(classes, height, width);
            case "fourier" -> new FourierEncoding(classes, channels, height, width, config.amplitude());
            case "morphological" -> new MorphologicalEncoding(classes, channels, height, width);
            default -> throw new IllegalStateException("encoding.kind " + config.kind() + " has no encoding");
        };
    }
}
