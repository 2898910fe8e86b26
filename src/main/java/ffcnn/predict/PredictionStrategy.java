package ffcnn.predict;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Combines the class scores of all layers into one score vector per image; the class is its argmax. A strategy
 * fitted while training gives its {@link #state} to be saved with the model, and {@link Strategies} hands it
 * back to the strategy's own reader when the model is loaded. Eight methods, above the usual seven: three are
 * helpers over {@link #combine}.
 */
public interface PredictionStrategy {

    /** Short name used in metrics and on the command line, e.g. {@code loss-aware}. */
    String name();

    /** The combined [K] scores of image {@code i}. */
    float[] combine(LayerScores scores, int i);

    /** Whether the strategy reads layer {@code layer}'s head (its class scores). */
    default boolean usesHead(int layer) {
        return true;
    }

    /** Whether the strategy reads the network's trainable read-out. */
    default boolean usesReadOut() {
        return false;
    }

    /**
     * The state this strategy was fitted to, saved with the model under its name; null when it has none to save
     * (it depends on the layer count alone, or, a read-out, its state is the read-out's parameters, saved with
     * the network).
     */
    default JsonNode state() {
        return null;
    }

    /** Whether the true class of image {@code i} is among the {@code n} highest combined scores (ties: lower first). */
    default boolean inTop(LayerScores scores, int i, int n) {
        float[] c = combine(scores, i);
        float truth = c[scores.labels()[i]];
        int above = 0;
        for (int k = 0; k < c.length; k++) {
            if (c[k] > truth || (c[k] == truth && k < scores.labels()[i])) {
                above++;
            }
        }
        return above < n;
    }

    /** Predicted class of every image. */
    default int[] predict(LayerScores scores) {
        int[] out = new int[scores.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = LayerScores.argmax(combine(scores, i), 0, scores.classes());
        }
        return out;
    }

    /** Fraction of images predicted correctly. */
    default double accuracy(LayerScores scores) {
        int[] p = predict(scores);
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == scores.labels()[i]) {
                correct++;
            }
        }
        return p.length == 0 ? Double.NaN : (double) correct / p.length;
    }
}
