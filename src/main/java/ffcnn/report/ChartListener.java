package ffcnn.report;

import ffcnn.train.EpochMetrics;
import ffcnn.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;

/** Redraws the curve PNGs of {@link Charts#writeCurves} in the run folder at every epoch end. */
public final class ChartListener implements TrainingListener {

    private final Path runDir;

    /** A listener that draws into {@code runDir}. */
    public ChartListener(Path runDir) {
        this.runDir = runDir;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, List<EpochMetrics> history) {
        Charts.writeCurves(history, runDir);
    }
}
