package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ffcnn.UserInputException;

/** The per-sample normalisation of a network's (encoded) input, the preset's {@code encoding.input_norm}. */
public enum InputNorm {
    /** Layer norm over (C, H, W): subtract the mean, divide by the standard deviation (CAW-Conv, DeeperForward). */
    LAYER,
    /** Divide by the root mean square over (C, H, W), no mean subtraction: Forward-Forward (specs/baselines.md 2). */
    RMS,
    /**
     * {@link #RMS} of the pixels in [0, 1], without the dataset's mean/std standardisation before it (ASGE,
     * specs/asge.md 4.1): a run with this norm reads its images with mean 0 and std 1.
     */
    PIXEL_RMS;

    /** loeweX's epsilon of the RMS normalisation. */
    static final float RMS_EPS = 1e-8f;

    /** Normalises every sample of {@code x} [B, ...]. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case LAYER -> GroupNormalization.layer(x);
            case RMS, PIXEL_RMS -> rms(x);
        };
    }

    /** x / (sqrt(mean(x^2)) + 1e-8) per sample, over every non-batch axis. */
    public static NDArray rms(NDArray x) {
        Shape s = x.getShape();
        NDArray flat = x.reshape(s.get(0), -1);
        NDArray norm = flat.mul(flat).mean(new int[] {1}, true).sqrt().add(RMS_EPS);
        return flat.div(norm).reshape(s);
    }

    /** Parses a preset value: {@code layer}, {@code rms} or {@code pixel-rms}. */
    public static InputNorm parse(String name) {
        for (InputNorm n : values()) {
            if (n.name().replace('_', '-').equalsIgnoreCase(name)) {
                return n;
            }
        }
        throw new UserInputException("unknown encoding.input_norm '" + name + "' (known: layer, rms, pixel-rms)");
    }
}
