package ffcnn.predict;

import java.util.Arrays;

/**
 * A weighted sum of the layers' class scores: score = sum_l w_l g_l. Covers CAW-Conv's loss-aware layer
 * contribution (w = softmax(-mean training loss per layer), specs/caw-conv.md 10.1), the plain sum of a
 * contiguous layer range (DeeperForward's inference, specs/deeperforward.md 9), the last layer alone, and
 * Forward-Forward's rule {@code goodness}: the sum over every layer but the first, which sees the label
 * directly (specs/baselines.md 3.6; the first layer too when it is the only one).
 *
 * @param name    strategy name
 * @param weights one weight per layer
 */
public record WeightedLayers(String name, double[] weights) implements PredictionStrategy {

    /** The strategies over the layers' own scores, the default of CAW-Conv first. */
    public static final java.util.List<String> NAMES =
            java.util.List.of("loss-aware", "best-range", "last-layer", "all-layers", "goodness");

    /**
     * The strategy called {@code name} for a network with the given per-layer training losses and best
     * validation range {start, end}.
     */
    public static WeightedLayers named(String name, double[] losses, int[] range) {
        int layers = losses.length;
        return switch (name) {
            case "loss-aware" -> lossAware(losses);
            case "best-range" -> range("best-range", layers, range[0], range[1]);
            case "last-layer" -> lastLayer(layers);
            case "all-layers" -> allLayers(layers);
            case "goodness" -> range("goodness", layers, Math.min(1, layers - 1), layers - 1);
            default -> throw new ffcnn.UserInputException("unknown strategy '" + name + "' (known: "
                    + String.join(", ", Strategies.NAMES) + ")");
        };
    }

    /** Loss-aware layer contribution: w = softmax(-losses); a layer without a finite loss gets weight 0. */
    public static WeightedLayers lossAware(double[] losses) {
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
