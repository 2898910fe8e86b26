package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Parameter-free normalisation of each sample over groups of channels: subtract the mean and divide by
 * sqrt(biased variance + eps) over every group of C/G channels and all positions. G = C is instance norm,
 * G = 1 is the input layer norm of CAW-Conv and DeeperForward, G = K is DeeperForward's group norm.
 */
public final class GroupNormalization {

    /** The epsilon of PyTorch's norms. */
    public static final float EPS = 1e-5f;

    private GroupNormalization() {
    }

    /** Normalises NCHW {@code x} over {@code groups} channel groups per sample. */
    public static NDArray apply(NDArray x, int groups) {
        return apply(x, groups, false);
    }

    /**
     * As {@link #apply(NDArray, int)}; {@code detached} says that no gradient will be taken through the result
     * (what a layer passes on), so that the centred copy may be divided in place: the same numbers, one pass
     * over fresh memory less.
     */
    public static NDArray apply(NDArray x, int groups, boolean detached) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        if (shape.get(1) % groups != 0) {
            throw new IllegalArgumentException(shape.get(1) + " channels do not split into " + groups + " groups");
        }
        NDArray g = x.reshape(batch, groups, -1);
        NDArray centred = g.sub(g.mean(new int[] {2}, true));
        NDArray var = centred.mul(centred).mean(new int[] {2}, true); // mul, not pow(2): faster in DJL
        NDArray std = var.add(EPS).sqrt();
        return (detached ? centred.divi(std) : centred.div(std)).reshape(shape);
    }

    /** Instance norm (G = C); skipped for 1x1 maps, where the variance is zero (specs/caw-conv.md 4.4). */
    public static NDArray instance(NDArray x) {
        return instance(x, false);
    }

    /** Instance norm; {@code detached} as in {@link #apply(NDArray, int, boolean)}. */
    public static NDArray instance(NDArray x, boolean detached) {
        Shape s = x.getShape();
        if (s.get(2) * s.get(3) == 1) {
            return x;
        }
        return apply(x, (int) s.get(1), detached);
    }

    /** Layer norm over (C, H, W) per sample. */
    public static NDArray layer(NDArray x) {
        return apply(x, 1, false);
    }
}
