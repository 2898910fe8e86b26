package ffcnn.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import ffcnn.predict.Strategies;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What prediction needs besides the parameters, saved with every model (specs/caw-conv.md 13.4).
 *
 * @param epoch      the last trained epoch (CAW-Conv's temperature depends on it), -1 before training
 * @param strategies each fitted prediction strategy's own state, by strategy name ({@link Strategies#states}:
 *                   loss-aware's layer losses, best-range's validation range); read back by the strategy
 * @param strategy   the default prediction strategy's name
 * @param classNames class names in label order
 */
public record ModelState(int epoch, Map<String, JsonNode> strategies, String strategy, List<String> classNames) {

    public ModelState {
        strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies)); // in the order given
    }

    /**
     * Reads a saved state; files written before the strategies saved their own state hold {@code layer_losses}
     * and {@code best_range} instead, which become loss-aware's and best-range's states.
     */
    @JsonCreator
    static ModelState read(@JsonProperty("epoch") int epoch,
            @JsonProperty("strategies") Map<String, JsonNode> strategies, @JsonProperty("strategy") String strategy,
            @JsonProperty("class_names") List<String> classNames,
            @JsonProperty("layer_losses") double[] layerLosses, @JsonProperty("best_range") int[] bestRange) {
        if (strategies == null && layerLosses != null && bestRange != null) {
            strategies = Strategies.states(Strategies.fitted(layerLosses, bestRange, "none"));
        }
        return new ModelState(epoch, strategies == null ? Map.of() : strategies, strategy, classNames);
    }
}
