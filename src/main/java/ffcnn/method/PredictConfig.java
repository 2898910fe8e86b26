package ffcnn.method;

import ffcnn.predict.Strategies;

/**
 * The {@code predict:} section of a preset.
 *
 * @param strategy the default prediction strategy, one of {@link Strategies#NAMES}
 * @param readout  the trainable read-out trained with the layers: {@code none}, {@code linear-heads} (ASGE S3) or
 *                 {@code neutral-linear} (Forward-Forward); its strategy has the same name
 */
public record PredictConfig(String strategy, String readout) {

    /** Strategies every evaluation may report. */
    public static final java.util.List<String> STRATEGIES = Strategies.NAMES;

    public PredictConfig {
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("predict.strategy '" + strategy + "' is not one of " + STRATEGIES);
        }
        if (!readout.equals("none") && !Strategies.isReadOut(readout)) {
            throw new IllegalArgumentException("predict.readout '" + readout + "' is not one of none, "
                    + String.join(", ", ffcnn.nn.ReadOut.KINDS));
        }
        if (Strategies.isReadOut(strategy) && !strategy.equals(readout)) {
            throw new IllegalArgumentException("predict.strategy " + strategy + " needs predict.readout: " + strategy);
        }
    }

    /** A default strategy without a read-out. */
    public PredictConfig(String strategy) {
        this(strategy, "none");
    }
}
