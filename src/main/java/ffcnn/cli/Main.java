package ffcnn.cli;

import ffcnn.UserInputException;
import ffcnn.io.OsErrors;
import ffcnn.method.TrainingProcessException;
import ffcnn.train.DivergenceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Entry point of the {@code ffcnn} command. */
public final class Main {

    /** Exit status for input the user got wrong (files, keys, options). */
    public static final int EXIT_USER_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        FfcnnCommand root = new FfcnnCommand();
        CommandLine cmd = new CommandLine(root).setOut(out).setErr(err);
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("ffcnn: " + message(ex));
            if (root.stacktrace) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return isUserError(ex) ? EXIT_USER_ERROR : 1;
        });
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("ffcnn: " + ex.getMessage().strip().lines().findFirst().orElse("")
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return EXIT_USER_ERROR;
        });
        return cmd;
    }

    static boolean isUserError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UserInputException
                    || (t instanceof UncheckedIOException u && OsErrors.userCanFix(u.getCause()))) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UserInputException) {
                return t.getMessage();
            }
        }
        if ((ex instanceof UncheckedIOException || ex instanceof DivergenceException
                || ex instanceof TrainingProcessException) && ex.getMessage() != null) {
            return ex.getMessage();
        }
        String m = ex.getMessage();
        return m == null ? ex.getClass().getSimpleName() : ex.getClass().getSimpleName() + ": " + m;
    }
}
