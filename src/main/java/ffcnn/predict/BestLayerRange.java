package ffcnn.predict;

/**
 * DeeperForward's inference rule (specs/deeperforward.md 9): among all contiguous layer ranges
 * start..end, pick the one whose unweighted score sum is most accurate on the validation split. Ties keep
 * the smallest end, then the smallest start.
 */
public final class BestLayerRange {

    private BestLayerRange() {
    }

    /** Correct counts {@code counts[start][end]} of every range on {@code scores}. */
    public static int[][] correctCounts(LayerScores scores) {
        int[][] counts = new int[scores.layers()][scores.layers()];
        count(scores, counts);
        return counts;
    }

    /** Adds the correct counts of every range on {@code scores} (one batch) to {@code counts[start][end]}. */
    static void count(LayerScores scores, int[][] counts) {
        int layers = scores.layers();
        int classes = scores.classes();
        float[] running = new float[layers * classes];
        for (int i = 0; i < scores.size(); i++) {
            java.util.Arrays.fill(running, 0f);
            for (int end = 0; end < layers; end++) {
                for (int start = 0; start <= end; start++) {
                    int off = start * classes;
                    for (int k = 0; k < classes; k++) {
                        running[off + k] += scores.score(i, end, k);
                    }
                    if (LayerScores.argmax(running, off, classes) == scores.labels()[i]) {
                        counts[start][end]++;
                    }
                }
            }
        }
    }

    /** The best range as {start, end}. */
    public static int[] select(LayerScores validation) {
        return select(correctCounts(validation));
    }

    /** The best range as {start, end} by correct counts {@code counts[start][end]}. */
    static int[] select(int[][] counts) {
        int bestStart = 0;
        int bestEnd = 0;
        int best = -1;
        for (int end = 0; end < counts.length; end++) {
            for (int start = 0; start <= end; start++) {
                if (counts[start][end] > best) {
                    best = counts[start][end];
                    bestStart = start;
                    bestEnd = end;
                }
            }
        }
        return new int[] {bestStart, bestEnd};
    }

    /** The strategy summing the best range chosen on {@code validation}. */
    public static WeightedLayers fit(LayerScores validation) {
        int[] r = select(validation);
        return WeightedLayers.bestRange(validation.layers(), r[0], r[1]);
    }
}
