package ffcnn.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;

/**
 * A weighted sum of the layers' class scores: score = sum_l w_l g_l. Covers CAW-Conv's loss-aware layer
 * contribution (w = softmax(-mean training loss per layer), specs/caw-conv.md 10.1), the plain sum of a
 * contiguous layer range (DeeperForward's inference, specs/deeperforward.md 9), the last layer alone, and
 * Forward-Forward's rule {@code goodness}: the sum over every layer but the first, which sees the label
 * directly (specs/baselines.md 3.6; the first layer too when it is the only one).
 *
 * <p>Two of them are fitted while training and save their state with the model ({@link #state}): loss-aware
 * the layers' mean training losses ({@code {"layer_losses": [...]}}, specs/caw-conv.md 13.4), best-range its
 * validation range ({@code {"range": [start, end]}}); {@link #lossAware(JsonNode, int)} and
 * {@link #bestRange(JsonNode, int)} read it back.
 *
 * @param name    strategy name
 * @param weights one weight per layer
 * @param state   what the weights were fitted to, saved with the model; null for the strategies without state
 */
public record WeightedLayers(String name, double[] weights, JsonNode state) implements PredictionStrategy {

    /** The strategies over the layers' own scores, the default of CAW-Conv first. */
    public static final java.util.List<String> NAMES =
            java.util.List.of("loss-aware", "best-range", "last-layer", "all-layers", "goodness");

    /** A strategy without state. */
    public WeightedLayers(String name, double[] weights) {
        this(name, weights, null);
    }

    /**
     * The strategy called {@code name} for a network with the given per-layer training losses and best
     * validation range {start, end}.
     */
    public static WeightedLayers named(String name, double[] losses, int[] range) {
        int layers = losses.length;
        return switch (name) {
            case "loss-aware" -> lossAware(losses);
            case "best-range" -> bestRange(layers, range[0], range[1]);
            case "last-layer" -> lastLayer(layers);
            case "all-layers" -> allLayers(layers);
            case "goodness" -> goodness(layers);
            default -> throw new ffcnn.UserInputException("unknown strategy '" + name + "' (known: "
                    + String.join(", ", Strategies.NAMES) + ")");
        };
    }

    /**
     * Loss-aware layer contribution: w = softmax(-losses); a layer without a finite loss gets weight 0. Its
     * state is the losses.
     */
    public static WeightedLayers lossAware(double[] losses) {
        WeightedLayers w = lossAwareWeights(losses);
        ArrayNode saved = JsonNodeFactory.instance.arrayNode(losses.length);
        Arrays.stream(losses).forEach(saved::add);
        return new WeightedLayers(w.name(), w.weights(), JsonNodeFactory.instance.objectNode().set("layer_losses",
                saved));
    }

    /**
     * Loss-aware weights from a saved {@code state}; without one (a run before its first epoch), no layer
     * has a finite loss.
     */
    public static WeightedLayers lossAware(JsonNode state, int layers) {
        double[] losses = new double[layers];
        Arrays.fill(losses, Double.POSITIVE_INFINITY);
        if (state != null) {
            JsonNode saved = state.path("layer_losses"); // non-finite losses are saved as "Infinity", "NaN"
            for (int l = 0; l < layers; l++) {
                losses[l] = saved.path(l).asDouble(Double.NaN);
            }
        }
        return lossAware(losses);
    }

    /** The sum of layers {@code start..end}, chosen on the validation split; its state is the range. */
    public static WeightedLayers bestRange(int layers, int start, int end) {
        WeightedLayers w = range("best-range", layers, start, end);
        ArrayNode saved = JsonNodeFactory.instance.arrayNode(2).add(start).add(end);
        return new WeightedLayers(w.name(), w.weights(), JsonNodeFactory.instance.objectNode().set("range", saved));
    }

    /** Best-range from a saved {@code state}; without one, every layer. */
    public static WeightedLayers bestRange(JsonNode state, int layers) {
        if (state == null) {
            return bestRange(layers, 0, layers - 1);
        }
        JsonNode r = state.path("range");
        return bestRange(layers, r.path(0).asInt(), r.path(1).asInt());
    }

    /** Forward-Forward's rule: every layer but the first (the first too when it is the only one). */
    public static WeightedLayers goodness(int layers) {
        return range("goodness", layers, Math.min(1, layers - 1), layers - 1);
    }

    private static WeightedLayers lossAwareWeights(double[] losses) {
        double[] w = new double[losses.length];
        double min = Arrays.stream(losses).filter(Double::isFinite).min().orElse(Double.NaN);
        double sum = 0;
        for (int l = 0; l < w.length; l++) {
            w[l] = Double.isFinite(losses[l]) ? Math.exp(-(losses[l] - min)) : 0;
            sum += w[l];
        }
        for (int l = 0; l < w.length; l++) {
            w[l] = sum > 0 ? w[l] / sum : Double.NaN;
        }
        return new WeightedLayers("loss-aware", w);
    }

    /** Unweighted sum of layers {@code start..end} (inclusive). */
    public static WeightedLayers range(String name, int layers, int start, int end) {
        if (start < 0 || end >= layers || start > end) {
            throw new IllegalArgumentException("layer range " + start + ".." + end + " outside 0.." + (layers - 1));
        }
        double[] w = new double[layers];
        Arrays.fill(w, start, end + 1, 1.0);
        return new WeightedLayers(name, w);
    }

    /** The last layer alone. */
    public static WeightedLayers lastLayer(int layers) {
        return range("last-layer", layers, layers - 1, layers - 1);
    }

    /** Every layer, unweighted. */
    public static WeightedLayers allLayers(int layers) {
        return range("all-layers", layers, 0, layers - 1);
    }

    /** The first and the last layer with a weight, {start, end}; for best-range its range. */
    public int[] span() {
        int start = 0;
        while (start < weights.length - 1 && weights[start] == 0) {
            start++;
        }
        int end = weights.length - 1;
        while (end > start && weights[end] == 0) {
            end--;
        }
        return new int[] {start, end};
    }

    @Override
    public boolean usesHead(int layer) {
        return weights[layer] != 0;
    }

    @Override
    public float[] combine(LayerScores s, int i) {
        float[] out = new float[s.classes()];
        for (int l = 0; l < s.layers(); l++) {
            double w = weights[l];
            if (w == 0) {
                continue;
            }
            for (int k = 0; k < out.length; k++) {
                out[k] += (float) (w * s.score(i, l, k));
            }
        }
        return out;
    }
}
