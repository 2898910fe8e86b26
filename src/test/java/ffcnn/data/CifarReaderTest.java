package ffcnn.data;

import static ffcnn.data.DatasetFixtures.cifarRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import ffcnn.data.CifarReader.LabelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {

    private static final int[] COARSE = {19, 0, 4, 11};
    private static final int[] FINE = {99, 0, 55, 42};

    @Test
    void readsCifar100FineLabels(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("train.bin"), cifarRecords(COARSE, FINE));

        ImageSet set = CifarReader.read(List.of(f), LabelKind.CIFAR100_FINE, "c");

        assertThat(set.size()).isEqualTo(4);
        assertThat(set.numClasses()).isEqualTo(100);
        assertThat(set.labels()).containsExactly(FINE);
        assertThat(set.pixels()[3072 + 1024]).isEqualTo((byte) (7 + 1024)); // image 1, green plane, pixel 0
    }

    @Test
    void readsCifar100CoarseLabels(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("test.bin"), cifarRecords(COARSE, FINE));

        ImageSet set = CifarReader.read(List.of(f), LabelKind.CIFAR100_COARSE, "c");

        assertThat(set.numClasses()).isEqualTo(20);
        assertThat(set.labels()).containsExactly(COARSE);
    }

    @Test
    void concatenatesCifar10FilesInOrder(@TempDir Path dir) throws IOException {
        Path a = Files.write(dir.resolve("data_batch_1.bin"), cifarRecords(null, new int[] {6, 9}));
        Path b = Files.write(dir.resolve("data_batch_2.bin"), cifarRecords(null, new int[] {4}));

        ImageSet set = CifarReader.read(List.of(a, b), LabelKind.CIFAR10, "c");

        assertThat(set.labels()).containsExactly(6, 9, 4);
        assertThat(set.pixels()).hasSize(3 * 3072);
        assertThat(CifarReader.readFile(a, LabelKind.CIFAR10).md5()).isEqualTo(Checksums.md5(a));
    }

    @Test
    void rejectsTruncatedFile(@TempDir Path dir) throws IOException {
        byte[] full = cifarRecords(COARSE, FINE);
        Path f = Files.write(dir.resolve("train.bin"), Arrays.copyOf(full, full.length - 10));

        assertThatThrownBy(() -> CifarReader.readFile(f, LabelKind.CIFAR100_FINE))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("train.bin: truncated")
                .hasMessageContaining("(12296 bytes), found 12286 bytes");
    }

    @Test
    void rejectsFineLabelOutOfRange(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("test.bin"), cifarRecords(COARSE, new int[] {1, 2, 100, 3}));

        assertThatThrownBy(() -> CifarReader.readFile(f, LabelKind.CIFAR100_COARSE))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("test.bin: fine label 100 of record 2 is out of range 0..99");
    }

    @Test
    void rejectsCifar10LabelOutOfRange(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("data_batch_3.bin"), cifarRecords(null, new int[] {1, 10}));

        assertThatThrownBy(() -> CifarReader.readFile(f, LabelKind.CIFAR10))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("data_batch_3.bin: label 10 of record 1 is out of range 0..9");
    }

    @Test
    void rejectsMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> CifarReader.readFile(dir.resolve("test_batch.bin"), LabelKind.CIFAR10))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("test_batch.bin: missing file");
    }
}
