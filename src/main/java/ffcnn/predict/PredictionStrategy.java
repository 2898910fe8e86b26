package ffcnn.predict;

/** Combines the class scores of all layers into one score vector per image; the class is its argmax. */
public interface PredictionStrategy {

    /** Short name used in metrics and on the command line, e.g. {@code loss-aware}. */
    String name();

    /** The combined [K] scores of image {@code i}. */
    float[] combine(LayerScores scores, int i);

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
