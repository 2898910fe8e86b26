package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ffcnn.UserInputException;

/** How a local layer normalises the tensor it passes on (never part of its own loss). */
public enum OutputNorm {
    /** Pass the activations on as they are. */
    NONE,
    /** Instance norm per channel (CAW-Conv). */
    INSTANCE,
    /** Group norm with one group per class (DeeperForward). */
    GROUP,
    /** Division by the root mean square per sample, the direction only (Forward-Forward, specs/baselines.md 3.3). */
    RMS,
    /** Layer norm over (C, H, W) per sample: subtract the mean, divide by the standard deviation. */
    LAYER;

    /** Normalises {@code y}; {@code classes} is the group count of {@link #GROUP}. */
    public NDArray apply(NDArray y, int classes) {
        return apply(y, classes, false);
    }

    /**
     * Normalises {@code y}; with {@code detached} (no gradient will be taken through the result) it may work
     * in place on its own intermediate arrays, with the same numbers.
     */
    public NDArray apply(NDArray y, int classes, boolean detached) {
        return switch (this) {
            case NONE -> y;
            case INSTANCE -> GroupNormalization.instance(y, detached);
            case GROUP -> GroupNormalization.apply(y, classes, detached);
            case RMS -> InputNorm.rms(y);
            case LAYER -> GroupNormalization.apply(y, 1, detached);
        };
    }

    /** Parses a preset value: {@code none}, {@code instance}, {@code group}, {@code rms} or {@code layer}. */
    public static OutputNorm parse(String name) {
        for (OutputNorm n : values()) {
            if (n.name().equalsIgnoreCase(name)) {
                return n;
            }
        }
        throw new UserInputException("unknown model.output_norm '" + name
                + "' (known: none, instance, group, rms, layer)");
    }
}
