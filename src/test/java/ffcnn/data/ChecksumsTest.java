package ffcnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

    @Test
    void md5OfFileAndOfDecompressedContent(@TempDir Path dir) throws IOException {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        Path raw = Files.write(dir.resolve("abc"), abc);
        Path gz = Files.write(dir.resolve("abc.gz"), DatasetFixtures.gzip(abc));

        assertThat(Checksums.md5(raw)).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(Checksums.contentMd5(gz)).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(Checksums.contentMd5(raw)).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    }

    @Test
    void reportsMismatchAndMissingPerFile(@TempDir Path dir) throws IOException {
        DatasetFixtures.writeMnistLike(dir, 3, 2);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));

        List<Checksums.FileCheck> checks = Checksums.verify(KnownDataset.MNIST, dir);

        assertThat(checks).extracting(Checksums.FileCheck::status).containsExactly(Checksums.Status.MISMATCH,
                Checksums.Status.MISMATCH, Checksums.Status.MISMATCH, Checksums.Status.MISSING);
        assertThat(Checksums.summary(checks)).isEqualTo("MISMATCH: train-images-idx3-ubyte.gz");
        assertThat(Checksums.summary(checks.subList(3, 4))).isEqualTo("missing: t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void acceptsGzipWithRewrittenHeaderByContent(@TempDir Path dir) throws IOException {
        Path official = DatasetFixtures.real("mnist").resolve("train-labels-idx1-ubyte.gz");
        byte[] bytes = Files.readAllBytes(official);
        bytes[4] ^= 1; // another modification time in the gzip header, as Debian's repackaging does
        Path copy = Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), bytes);

        Checksums.FileCheck check = Checksums.check(KnownDataset.MNIST.trainFiles().get(1), copy);

        assertThat(Checksums.md5(copy)).isNotEqualTo(KnownDataset.MNIST.trainFiles().get(1).md5());
        assertThat(check.status()).isEqualTo(Checksums.Status.OK);
    }
}
