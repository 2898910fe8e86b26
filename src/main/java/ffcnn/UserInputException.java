package ffcnn;

/**
 * A file, key, option or value that the user got wrong. The message is one line that names the
 * offending file or key and the problem; the CLI prints it and exits with status 2.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
