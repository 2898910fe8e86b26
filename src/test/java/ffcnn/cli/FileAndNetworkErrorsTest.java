package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operating-system failures the user can fix: one line with the reason, exit 2. */
class FileAndNetworkErrorsTest extends CommandLineTest {

    @Test
    void outNamingAFileSaysSoAndExitsTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "a file");
        assertThat(run("train", "--out", file.toString(), "--quiet", "--limit-train", "64")).isEqualTo(2);
        assertOneErrorLine("cannot write " + file.resolve("config.yaml"), "a file of that name is in the way",
                "(" + file + ")");
    }

    @Test
    void aFolderWithoutWritePermissionIsAUserError() {
        var denied = new java.io.UncheckedIOException("cannot write runs/x/config.yaml: permission denied (runs/x)",
                new java.nio.file.AccessDeniedException("runs/x/.config.yaml1.tmp"));
        assertThat(Main.isUserError(denied)).isTrue();
        assertThat(Main.isUserError(new java.io.UncheckedIOException(new java.io.IOException("bug")))).isFalse();
    }

    @Test
    void fetchWithoutTheNetworkSaysWhatToDoAndExitsTwo(@TempDir Path dir) {
        int code = run("datasets", "fetch", "mnist", "--quiet", "--data-dir", dir.toString(), "--mirror",
                "http://ffcnn-mirror.invalid/mnist/");
        assertThat(code).isEqualTo(2);
        assertOneErrorLine("cannot fetch mnist into " + dir, "host ffcnn-mirror.invalid not found (offline?)",
                "copy the files (train-images-idx3-ubyte.gz", "--data-dir");
    }

    @Test
    void predictOnAMissingPathOrAnEmptyFolderNamesIt(@TempDir Path dir) throws Exception {
        assertThat(run("predict", "--model", dir.toString(), dir.resolve("nope.png").toString())).isEqualTo(2);
        assertOneErrorLine("nope.png: no such image file or folder");
        writers();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("predict", "--model", dir.toString(), empty.toString())).isEqualTo(2);
        assertOneErrorLine("empty: no images in this folder");
    }
}
