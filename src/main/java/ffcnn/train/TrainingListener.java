package ffcnn.train;

/**
 * Side concerns of training (progress bars, metric logs, checkpoints, charts) observe the trainer
 * through this interface; the trainer itself only loops and notifies. Listeners get Java numbers,
 * never NDArrays.
 */
public interface TrainingListener {

    /** Before the first epoch of this process (also after a resume). */
    default void onTrainingStart(RunInfo run) {
    }

    /** Before epoch {@code epoch} (0-based) of {@code run.epochs()}; {@code batches} training batches follow. */
    default void onEpochStart(int epoch, int batches) {
    }

    /**
     * After one training batch.
     *
     * @param images the batch's image count
     * @param loss   the batch's mean local loss over all layers
     */
    default void onBatchEnd(int epoch, int batch, int images, double loss) {
    }

    /** After an epoch's training and evaluation. {@code history} holds every finished epoch, this one last. */
    default void onEpochEnd(EpochMetrics metrics, java.util.List<EpochMetrics> history) {
    }

    /** After the last epoch. */
    default void onTrainingEnd() {
    }
}
