package ffcnn.method;

import ffcnn.predict.Strategies;

/**
 * The {@code predict:} section of a preset.
 *
 * @param strategy the default prediction strategy, one of {@link Strategies#NAMES}
 * @param readout  the trainable read-out trained with the layers: {@code none}, {@code linear-heads} (ASGE S3) or
 *                 {@code neutral-linear} (Forward-Forward), whose strategy has the same name, or the per-layer
 *                 predictors of the methods that have them: {@code block-predictors} (CaFo), {@code linear-probes}
 *                 (the backprop baseline)
 * @param readoutFrom the first layer (0-based) whose output the read-out reads: 1 (every layer but the first, which
 *                    in the Forward-Forward family sees the label, and which ASGE's S3 leaves out) unless a preset
 *                    says otherwise (FF-CNN: 0, its first layer on the neutral input is the image alone)
 */
public record PredictConfig(String strategy, String readout, int readoutFrom) {

    /** Strategies every evaluation may report. */
    public static final java.util.List<String> STRATEGIES = Strategies.NAMES;

    public PredictConfig {
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("predict.strategy '" + strategy + "' is not one of " + STRATEGIES);
        }
        if (!readout.equals("none") && !ffcnn.nn.ReadOut.KINDS.contains(readout)) {
            throw new IllegalArgumentException("predict.readout '" + readout + "' is not one of none, "
                    + String.join(", ", ffcnn.nn.ReadOut.KINDS));
        }
        if (readoutFrom < 0) {
            throw new IllegalArgumentException("predict.readout_from must be >= 0, got " + readoutFrom);
        }
        if (Strategies.isReadOut(strategy) && !strategy.equals(readout)) {
            throw new IllegalArgumentException("predict.strategy " + strategy + " needs predict.readout: " + strategy);
        }
    }

    /** The read-out reads every layer but the first. */
    public PredictConfig(String strategy, String readout) {
        this(strategy, readout, ffcnn.nn.ReadOut.DEFAULT_FROM);
    }

    /** A default strategy without a read-out. */
    public PredictConfig(String strategy) {
        this(strategy, "none");
    }
}
