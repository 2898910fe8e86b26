package ffcnn.train;

/** A local loss became NaN or infinite; the run stops before that layer's update. */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final String HINT = "; try a lower train.lr or train.grad_clip";

    private final String where;

    public DivergenceException(int epoch, int batch, int layer, double loss) {
        this("loss of layer " + layer + " is " + loss + " at epoch " + epoch + ", batch " + batch
                + ": training stopped");
    }

    private DivergenceException(String where) {
        super(where + HINT);
        this.where = where;
    }

    /**
     * The same divergence, saying what the run folder holds: the checkpoint of the last finished epoch when
     * {@code checkpointedEpochs > 0}, else nothing to resume from.
     */
    public DivergenceException withCheckpoint(int checkpointedEpochs) {
        String kept = checkpointedEpochs > 0
                ? ", the checkpoint after epoch " + (checkpointedEpochs - 1) + " is kept"
                : " before the first checkpoint was written (nothing to resume)";
        return new DivergenceException(where + kept);
    }
}
