package ffcnn.data;

import static ffcnn.data.DatasetFixtures.gzip;
import static ffcnn.data.DatasetFixtures.idxImages;
import static ffcnn.data.DatasetFixtures.idxLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @Test
    void readsRawAndGzipFilesAlike(@TempDir Path dir) throws IOException {
        Path raw = Files.write(dir.resolve("x-images-idx3-ubyte"), idxImages(3, 4, 5));
        Path gz = Files.write(dir.resolve("x-images-idx3-ubyte.gz"), gzip(idxImages(3, 4, 5)));
        Path labels = Files.write(dir.resolve("x-labels-idx1-ubyte"), idxLabels(2, 0, 9));

        ImageSet a = IdxReader.read(raw, labels, 10, "a");
        ImageSet b = IdxReader.read(gz, labels, 10, "b");

        assertThat(a.size()).isEqualTo(3);
        assertThat(a.height()).isEqualTo(4);
        assertThat(a.width()).isEqualTo(5);
        assertThat(a.labels()).containsExactly(2, 0, 9);
        assertThat(a.pixels()[20]).isEqualTo((byte) 1); // image 1, pixel 0
        assertThat(b.pixels()).isEqualTo(a.pixels());
        assertThat(IdxReader.readImages(gz).contentMd5()).isEqualTo(Checksums.md5(raw));
    }

    @Test
    void rejectsWrongMagicNumber(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxLabels(1, 2, 3)));

        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz")
                .hasMessageContaining("magic 0x00000801 (IDX labels), expected 0x00000803 (IDX images)");
    }

    @Test
    void rejectsTruncatedFile(@TempDir Path dir) throws IOException {
        byte[] full = idxImages(2, 28, 28);
        Path f = Files.write(dir.resolve("cut-idx3-ubyte"), Arrays.copyOf(full, full.length - 100));

        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cut-idx3-ubyte")
                .hasMessageContaining("expected 1584 bytes")
                .hasMessageContaining("found 1484");
    }

    @Test
    void rejectsTruncatedGzipStream(@TempDir Path dir) throws IOException {
        byte[] gz = gzip(idxImages(50, 28, 28));
        Path f = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));

        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cut.gz")
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsTruncatedHeader(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("head-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0});

        assertThatThrownBy(() -> IdxReader.readLabels(f))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("head-idx1-ubyte")
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsImageAndLabelCountsThatDisagree(@TempDir Path dir) throws IOException {
        Path images = Files.write(dir.resolve("i-idx3-ubyte"), idxImages(3, 2, 2));
        Path labels = Files.write(dir.resolve("l-idx1-ubyte"), idxLabels(1, 2));

        assertThatThrownBy(() -> IdxReader.read(images, labels, 10, "x"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("i-idx3-ubyte has 3 images")
                .hasMessageContaining("l-idx1-ubyte has 2 labels");
    }

    @Test
    void rejectsLabelOutOfRange(@TempDir Path dir) throws IOException {
        Path images = Files.write(dir.resolve("i-idx3-ubyte"), idxImages(3, 2, 2));
        Path labels = Files.write(dir.resolve("l-idx1-ubyte"), idxLabels(1, 10, 2));

        assertThatThrownBy(() -> IdxReader.read(images, labels, 10, "x"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("l-idx1-ubyte: label 10 of item 1 is out of range 0..9");
    }

    @Test
    void rejectsMissingFile(@TempDir Path dir) {
        Path f = dir.resolve("absent-idx3-ubyte.gz");

        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("absent-idx3-ubyte.gz: missing file");
    }

    @Test
    void rejectsDirectoryInPlaceOfFile(@TempDir Path dir) throws IOException {
        Path f = Files.createDirectory(dir.resolve("folder-idx3-ubyte"));

        assertThatThrownBy(() -> IdxReader.readImages(f))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("folder-idx3-ubyte: not a readable file");
    }

    @Test
    void rejectsTrailingBytes(@TempDir Path dir) throws IOException {
        byte[] full = idxLabels(1, 2, 3);
        Path f = Files.write(dir.resolve("long-idx1-ubyte"), Arrays.copyOf(full, full.length + 1));

        assertThatThrownBy(() -> IdxReader.readLabels(f))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("long-idx1-ubyte: longer than its header declares");
    }
}
