package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ffcnn.testing.RealData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private void assertSingleErrorLine(String... parts) {
        String e = err.toString();
        assertThat(e).startsWith("ffcnn: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(e.strip().lines()).hasSize(1);
        assertThat(e).contains(parts);
    }

    @Test
    void listsDatasetsWithLocationAndChecksums() {
        Path fashion = RealData.require("fashion-mnist");
        int code = run("datasets");

        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("fashion-mnist +" + Pattern.quote(fashion.toString())
                + " \\([^)]+\\) +ok");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void listReportsMismatchedFile(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("cifar100"));
        Files.write(dir.resolve("train.bin"), new byte[3074]);

        int code = run("datasets", "list", "--data-dir", root.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("cifar100 +.*cifar100 \\(--data-dir\\) +MISMATCH: train.bin");
    }

    @Test
    void saysSoWhenNothingIsUnderTheDataDir(@TempDir Path root) {
        assertThat(run("datasets", "--data-dir", root.toString())).isZero();
        assertSingleErrorLine("no dataset is under --data-dir " + root, "the locations above are other folders");
    }

    @Test
    void missingDataDirExitsTwoWithOneLine(@TempDir Path root) {
        int code = run("datasets", "--data-dir", root.resolve("nowhere").toString());

        assertThat(code).isEqualTo(Main.EXIT_USER_ERROR);
        assertSingleErrorLine("nowhere: no such directory");
    }

    @Test
    void unknownDatasetExitsTwoWithOneLine() {
        int code = run("datasets", "fetch", "imagenet", "--quiet");

        assertThat(code).isEqualTo(Main.EXIT_USER_ERROR);
        assertSingleErrorLine("'imagenet'", "mnist, fashion-mnist, cifar10, cifar100");
    }

    @Test
    void fetchWithWrongChecksumExitsTwoAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        for (String name : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.write(mirror.resolve(name), ByteBuffer.allocate(8).putInt(0x801).array());
        }
        Path root = tmp.resolve("root");

        int code = run("datasets", "fetch", "mnist", "--data-dir", root.toString(), "--mirror",
                mirror.toUri().toString());

        assertThat(code).isEqualTo(Main.EXIT_USER_ERROR);
        String lastLine = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).startsWith("ffcnn: ")
                .contains("train-images-idx3-ubyte.gz: wrong checksum").doesNotContain("Exception");
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void fetchPrintsWhereTheDatasetIs(@TempDir Path tmp) throws IOException {
        Path mirror = RealData.require("mnist").toAbsolutePath();

        int code = run("datasets", "fetch", "mnist", "--data-dir", tmp.toString(), "--mirror",
                mirror.toUri().toString(), "--quiet");

        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("mnist: " + tmp.resolve("mnist"));
        assertThat(err.toString()).isEmpty();
    }
}
