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
    /** The input as the data gives it (CwComp's official code feeds its normalised images straight in). */
    NONE;

    /** loeweX's epsilon of the RMS normalisation. */
    static final float RMS_EPS = 1e-8f;

    /** Normalises every sample of {@code x} [B, ...]. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case LAYER -> GroupNormalization.layer(x);
            case RMS -> rms(x);
            case NONE -> x;
        };
    }

    /** x / (sqrt(mean(x^2)) + 1e-8) per sample, over every non-batch axis. */
    public static NDArray rms(NDArray x) {
        Shape s = x.getShape();
        NDArray flat = x.reshape(s.get(0), -1);
        NDArray norm = flat.mul(flat).mean(new int[] {1}, true).sqrt().add(RMS_EPS);
        return flat.div(norm).reshape(s);
    }

    /** Parses a preset value: {@code layer}, {@code rms} or {@code none}. */
    public static InputNorm parse(String name) {
        for (InputNorm n : values()) {
            if (n.name().replace('_', '-').equalsIgnoreCase(name)) {
                return n;
            }
        }
        throw new UserInputException("unknown encoding.input_norm '" + name + "' (known: layer, rms, none)");
    }
}
