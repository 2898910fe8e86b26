package ffcnn.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Progress of a run that a checkpoint must restore: the finished epochs' metrics and what prediction
 * needs (layer losses, best range, epoch).
 */
public final class RunState {

    private final List<EpochMetrics> history;
    private ModelState model;

    public RunState(ModelState model, List<EpochMetrics> history) {
        this.model = model;
        this.history = new ArrayList<>(history);
    }

    /** The state of a run that has not started. */
    public static RunState fresh(int layers, String strategy, List<String> classNames) {
        double[] losses = new double[layers];
        java.util.Arrays.fill(losses, Double.POSITIVE_INFINITY);
        return new RunState(new ModelState(-1, losses, new int[] {0, layers - 1}, strategy, classNames), List.of());
    }

    public int nextEpoch() {
        return history.size();
    }

    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }

    public ModelState model() {
        return model;
    }

    void update(ModelState m) {
        this.model = m;
    }

    void finishEpoch(EpochMetrics m) {
        history.add(m);
    }
}
