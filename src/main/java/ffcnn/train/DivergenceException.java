package ffcnn.train;

/** A local loss became NaN or infinite; the run stops and keeps its last good checkpoint. */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DivergenceException(int epoch, int batch, int layer, double loss) {
        super("loss of layer " + layer + " is " + loss + " at epoch " + epoch + ", batch " + batch
                + ": training stopped, the last good checkpoint is kept; try a lower train.lr or train.grad_clip");
    }
}
