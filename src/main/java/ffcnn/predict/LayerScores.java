package ffcnn.predict;

/**
 * Every layer's class scores for a set of images (one batch, or a whole small set): {@code values[(i * layers + l)
 * * classes + k]} is layer l's score of class k for image i; with a trainable read-out, also its logits
 * {@code readout[i * classes + k]}. Strategies combine them into one prediction per image.
 *
 * @param size    number of images N
 * @param layers  number of layers L
 * @param classes number of classes K
 * @param values  N * L * K scores
 * @param labels  true class per image
 * @param readout N * K logits of the network's read-out, or null when it has none
 */
public record LayerScores(int size, int layers, int classes, float[] values, int[] labels, float[] readout) {

    public LayerScores {
        if (values.length != size * layers * classes || labels.length != size) {
            throw new IllegalArgumentException("scores of " + values.length + " values for " + size + "x" + layers
                    + "x" + classes + ", " + labels.length + " labels");
        }
        if (readout != null && readout.length != size * classes) {
            throw new IllegalArgumentException(readout.length + " read-out logits for " + size + "x" + classes);
        }
    }

    /** Scores without a read-out. */
    public LayerScores(int size, int layers, int classes, float[] values, int[] labels) {
        this(size, layers, classes, values, labels, null);
    }

    /** Layer {@code l}'s score of class {@code k} for image {@code i}. */
    public float score(int i, int l, int k) {
        return values[(i * layers + l) * classes + k];
    }

    /** The index of the largest of {@code k} scores starting at {@code offset} (first one on ties). */
    public static int argmax(float[] v, int offset, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (v[offset + j] > v[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /** Accuracy of layer {@code l} alone. */
    public double layerAccuracy(int l) {
        int correct = 0;
        for (int i = 0; i < size; i++) {
            if (argmax(values, (i * layers + l) * classes, classes) == labels[i]) {
                correct++;
            }
        }
        return size == 0 ? Double.NaN : (double) correct / size;
    }

    /** Accuracy of every layer alone. */
    public double[] layerAccuracies() {
        double[] acc = new double[layers];
        for (int l = 0; l < layers; l++) {
            acc[l] = layerAccuracy(l);
        }
        return acc;
    }
}
