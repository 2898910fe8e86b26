package ffcnn.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Progress of a run that a checkpoint must restore: the finished epochs' metrics and what prediction
 * needs (the fitted strategies' states, epoch).
 */
public final class RunState {

    private final List<EpochMetrics> history;
    private ModelState model;

    public RunState(ModelState model, List<EpochMetrics> history) {
        this.model = model;
        this.history = new ArrayList<>(history);
    }

    /** The state of a run that has not started: no strategy fitted yet. */
    public static RunState fresh(String strategy, List<String> classNames) {
        return new RunState(new ModelState(-1, java.util.Map.of(), strategy, classNames), List.of());
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
