package ffcnn.io;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of an operating-system failure in words ({@code permission denied}, {@code not a directory},
 * {@code host unreachable}), for one-line messages: Java's own message is often only the path or host.
 */
public final class OsErrors {

    private OsErrors() {
    }

    /** Why {@code e} happened, without the path the caller names anyway. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a non-empty folder of that name is in the way";
        }
        if (e instanceof UnknownHostException) {
            return "host " + e.getMessage() + " not found (offline?)";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "host unreachable (" + e.getMessage() + ")";
        }
        if (e instanceof SocketTimeoutException) {
            return "the connection timed out";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Whether the user can fix {@code e} (a path, a permission, the network) rather than it being a bug. */
    public static boolean userCanFix(IOException e) {
        return e instanceof FileSystemException || e instanceof UnknownHostException
                || e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof SocketTimeoutException;
    }
}
