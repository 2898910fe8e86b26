package ffcnn.predict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracies accumulated batch by batch, so that no score table of a whole split is ever kept (ImageNet's
 * 50,000 x 1,000 scores would be 200 MB per layer): per strategy the correct count, and the top-5 count when
 * there are more than 10 classes; per layer its correct count; and, when asked, the one thing the
 * {@code best-range} strategy needs of the validation split, the correct count of every contiguous layer range
 * (an L x L table).
 */
public final class Evaluation {

    private final List<PredictionStrategy> strategies;
    private final int layers;
    private final boolean topFive;
    private final long[] correct;
    private final long[] correctTopFive;
    private final long[] layerCorrect;
    private final int[][] rangeCorrect;
    private int size;

    /**
     * @param strategies the strategies to count
     * @param layers     number of layers L
     * @param classes    number of classes K (top-5 counted when K > 10)
     * @param ranges     whether to count every contiguous layer range (to choose {@code best-range})
     */
    public Evaluation(List<PredictionStrategy> strategies, int layers, int classes, boolean ranges) {
        this.strategies = List.copyOf(strategies);
        this.layers = layers;
        this.topFive = classes > 10;
        this.correct = new long[strategies.size()];
        this.correctTopFive = new long[strategies.size()];
        this.layerCorrect = new long[layers];
        this.rangeCorrect = ranges ? new int[layers][layers] : null;
    }

    /** Adds one batch's scores. */
    public void add(LayerScores batch) {
        for (int s = 0; s < strategies.size(); s++) {
            PredictionStrategy strategy = strategies.get(s);
            for (int i = 0; i < batch.size(); i++) {
                float[] c = strategy.combine(batch, i);
                if (LayerScores.argmax(c, 0, c.length) == batch.labels()[i]) {
                    correct[s]++;
                }
                if (topFive && strategy.inTop(batch, i, 5)) {
                    correctTopFive[s]++;
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < batch.size(); i++) {
                if (LayerScores.argmax(batch.values(), (i * layers + l) * batch.classes(), batch.classes())
                        == batch.labels()[i]) {
                    layerCorrect[l]++;
                }
            }
        }
        if (rangeCorrect != null) {
            BestLayerRange.count(batch, rangeCorrect);
        }
        size += batch.size();
    }

    /** Images counted. */
    public int size() {
        return size;
    }

    /** Whether top-5 accuracies are counted (more than 10 classes). */
    public boolean hasTopFive() {
        return topFive;
    }

    /** Accuracy of every strategy, by name, in order. */
    public Map<String, Double> accuracies() {
        return fractions(correct);
    }

    /** Top-5 accuracy of every strategy (empty with 10 classes or fewer). */
    public Map<String, Double> topFiveAccuracies() {
        return topFive ? fractions(correctTopFive) : Map.of();
    }

    private Map<String, Double> fractions(long[] counts) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int s = 0; s < strategies.size(); s++) {
            out.put(strategies.get(s).name(), fraction(counts[s]));
        }
        return out;
    }

    /** Accuracy of every layer alone. */
    public double[] layerAccuracies() {
        double[] acc = new double[layers];
        for (int l = 0; l < layers; l++) {
            acc[l] = fraction(layerCorrect[l]);
        }
        return acc;
    }

    /** The most accurate contiguous layer range {start, end} (needs {@code ranges}). */
    public int[] bestRange() {
        return BestLayerRange.select(rangeCorrect);
    }

    /** Accuracy of the unweighted sum of layers {@code range[0]..range[1]} (needs {@code ranges}). */
    public double rangeAccuracy(int[] range) {
        return fraction(rangeCorrect[range[0]][range[1]]);
    }

    private double fraction(long count) {
        return size == 0 ? Double.NaN : (double) count / size;
    }
}
