package ffcnn.method;

/**
 * The {@code predict:} section of a preset.
 *
 * @param strategy the default prediction strategy: {@code loss-aware}, {@code best-range},
 *                 {@code last-layer}, {@code all-layers} or {@code goodness}
 */
public record PredictConfig(String strategy) {

    /** Strategies every evaluation reports. */
    public static final java.util.List<String> STRATEGIES = ffcnn.predict.WeightedLayers.NAMES;

    public PredictConfig {
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("predict.strategy '" + strategy + "' is not one of " + STRATEGIES);
        }
    }
}
