package ffcnn.method;

/**
 * A training process of a {@link Comparison} that ended with a failure (exit status other than 0 and
 * 2); its own error went to its stderr. The message is one line naming the method and the status.
 */
public class TrainingProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    public TrainingProcessException(String method, int exitStatus) {
        super(method + ": training stopped with exit status " + exitStatus + " (its error is above)");
        this.exitStatus = exitStatus;
    }

    /** The exit status of the training process. */
    public int exitStatus() {
        return exitStatus;
    }
}
