package ffcnn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class OsErrorsTest {

    @Test
    void namesTheReasonInWords() {
        assertThat(OsErrors.reason(new AccessDeniedException("/runs/x"))).isEqualTo("permission denied");
        assertThat(OsErrors.reason(new NotDirectoryException("/runs/x"))).isEqualTo("not a directory");
        assertThat(OsErrors.reason(new FileAlreadyExistsException("/runs/x"))).contains("in the way");
        assertThat(OsErrors.reason(new UnknownHostException("yann.lecun.com"))).isEqualTo(
                "host yann.lecun.com not found (offline?)");
    }

    @Test
    void pathsPermissionsAndTheNetworkAreTheUsersToFix() {
        assertThat(OsErrors.userCanFix(new AccessDeniedException("/runs/x"))).isTrue();
        assertThat(OsErrors.userCanFix(new UnknownHostException("h"))).isTrue();
        assertThat(OsErrors.userCanFix(new IOException("stream closed"))).isFalse();
    }
}
