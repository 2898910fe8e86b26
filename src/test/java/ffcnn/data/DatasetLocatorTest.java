package ffcnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import ffcnn.data.DatasetLocator.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {

    @Test
    void searchesDataDirThenEnvironmentThenDebianThenCache(@TempDir Path tmp) throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));

        DatasetLocator locator = DatasetLocator.of(a, Map.of("FFCNN_DATA", b.toString(), "XDG_CACHE_HOME", "/xdg"),
                Path.of("/home/u"));

        assertThat(locator.roots()).extracting(Root::path)
                .containsExactly(a, b, Path.of("/usr/share/datasets"), Path.of("/xdg/ffcnn/datasets"));
        assertThat(locator.roots()).extracting(Root::source).startsWith("--data-dir", "$FFCNN_DATA");
        assertThat(DatasetLocator.cacheRoot(Map.of(), Path.of("/home/u")))
                .isEqualTo(Path.of("/home/u/.cache/ffcnn/datasets"));
    }

    @Test
    void findsIdFolderArchiveFolderOrRootItself(@TempDir Path tmp) throws IOException {
        Path byId = Files.createDirectories(tmp.resolve("r1/mnist"));
        Files.write(byId.resolve("train-images-idx3-ubyte.gz"), new byte[0]);
        Path archive = Files.createDirectories(tmp.resolve("r2/cifar-10-batches-bin"));
        Files.write(archive.resolve("test_batch.bin"), new byte[0]);
        Path flat = Files.createDirectories(tmp.resolve("r3"));
        Files.write(flat.resolve("train.bin"), new byte[0]);
        DatasetLocator locator = new DatasetLocator(List.of(new Root(tmp.resolve("r1"), "one"),
                new Root(tmp.resolve("r2"), "two"), new Root(flat, "three")));

        assertThat(locator.locate(KnownDataset.MNIST).dir()).isEqualTo(byId);
        assertThat(locator.locate(KnownDataset.CIFAR10).dir()).isEqualTo(archive);
        assertThat(locator.locate(KnownDataset.CIFAR100).dir()).isEqualTo(flat);
        assertThat(locator.locate(KnownDataset.CIFAR100).describe()).isEqualTo(flat + " (three)");
    }

    @Test
    void neverTakesAnotherDatasetsFolder(@TempDir Path tmp) throws IOException {
        Path mnist = DatasetFixtures.writeMnistLike(tmp.resolve("mnist"), 2, 1);
        DatasetLocator locator = new DatasetLocator(List.of(new Root(mnist, "--data-dir")));

        assertThat(locator.find(KnownDataset.MNIST)).isPresent();
        assertThat(locator.find(KnownDataset.FASHION_MNIST)).isEmpty();
    }

    @Test
    void missingDatasetNamesPlacesAndFetchCommand(@TempDir Path tmp) {
        DatasetLocator locator = new DatasetLocator(List.of(new Root(tmp, "--data-dir")));

        assertThatThrownBy(() -> locator.locate(KnownDataset.CIFAR10))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cifar10 not found")
                .hasMessageContaining(tmp + " (--data-dir)")
                .hasMessageContaining("ffcnn datasets fetch cifar10")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsDataDirThatIsAFile(@TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve("plain-file"), new byte[1]);

        assertThatThrownBy(() -> DatasetLocator.of(file, Map.of(), tmp))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("plain-file: not a readable directory");
    }
}
