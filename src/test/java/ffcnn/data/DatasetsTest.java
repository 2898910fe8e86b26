package ffcnn.data;

import static ffcnn.data.DatasetFixtures.real;
import static ffcnn.data.DatasetFixtures.cifarRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {


    @Test
    void loadsMnistWithDefaultSplit() {
        long start = System.nanoTime();
        DataSplits s = Datasets.load(DataRequest.of("mnist").withDataDir(real("mnist")));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(s.train().size()).isEqualTo(50_000);
        assertThat(s.valid().size()).isEqualTo(10_000);
        assertThat(s.test().size()).isEqualTo(10_000);
        assertThat(((ImageSet) s.train()).pixels()).hasSize(50_000 * 28 * 28);
        assertThat(s.train().channels()).isEqualTo(1);
        assertThat(s.test().labels()).startsWith(7, 2, 1, 0, 4, 1, 4, 9, 5, 9);
        assertThat(s.test().name()).isEqualTo("mnist/test");
        assertThat(s.normalization().mean()).containsExactly(0.1307f);
        assertThat(s.classNames()).hasSize(10);
        assertThat(millis).as("load time in ms").isLessThan(3_000);
    }

    @Test
    void officialMnistFilesReadInOrderWithOfficialChecksums() {
        Path dir = real("mnist");
        ImageSet train = IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), 10, "mnist");

        assertThat(train.labels()).startsWith(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
        assertThat(Checksums.summary(Checksums.verify(KnownDataset.MNIST, dir))).isEqualTo("ok");
    }

    @Test
    void splitIsDisjointAndDeterministicPerSeed() {
        int[][] a = Datasets.splitIndices(60_000, 10_000, 2222);
        int[][] b = Datasets.splitIndices(60_000, 10_000, 2222);
        int[][] c = Datasets.splitIndices(60_000, 10_000, 7);

        assertThat(a[0]).hasSize(50_000).isSorted().isEqualTo(b[0]);
        assertThat(a[1]).hasSize(10_000).isSorted().isEqualTo(b[1]);
        assertThat(c[1]).isNotEqualTo(a[1]);
        Set<Integer> all = new HashSet<>();
        IntStream.concat(Arrays.stream(a[0]), Arrays.stream(a[1])).forEach(all::add);
        assertThat(all).hasSize(60_000);
    }

    @Test
    void limitsTakeTheFirstImagesOfEachPart() {
        DataRequest r = DataRequest.of("mnist").withDataDir(real("mnist")).withValidSize(500).withSplitSeed(3);
        DataSplits all = Datasets.load(r);
        DataSplits cut = Datasets.load(r.withLimits(100, 50, 20));

        assertThat(cut.train().size()).isEqualTo(100);
        assertThat(cut.valid().size()).isEqualTo(50);
        assertThat(cut.test().size()).isEqualTo(20);
        assertThat(all.train().size()).isEqualTo(59_500);
        assertThat(cut.train().labels()).isEqualTo(Arrays.copyOf(all.train().labels(), 100));
        assertThat(((ImageSet) cut.valid()).pixels())
                .isEqualTo(Arrays.copyOf(((ImageSet) all.valid()).pixels(), 50 * 784));
    }

    @Test
    void loadsCifar10WithOfficialLabels() {
        DataSplits s = Datasets.load(DataRequest.of("cifar10").withDataDir(real("cifar10")));
        Path dir = real("cifar10");

        assertThat(s.train().size()).isEqualTo(49_000);
        assertThat(s.valid().size()).isEqualTo(1_000);
        assertThat(s.test().labels()).startsWith(3, 8, 8, 0, 6, 6, 1, 6, 3, 1);
        assertThat(CifarReader.readFile(dir.resolve("data_batch_1.bin"), CifarReader.LabelKind.CIFAR10).labels())
                .startsWith(6, 9, 9, 4, 1, 1, 2, 7, 8, 3);
        int[] perClass = new int[10];
        IntStream.concat(Arrays.stream(s.train().labels()), Arrays.stream(s.valid().labels()))
                .forEach(y -> perClass[y]++);
        assertThat(perClass).containsOnly(5000);
    }

    @Test
    void loadsFashionMnist() {
        Path fashion = real("fashion-mnist");
        DataSplits s = Datasets.load(DataRequest.of("fashion-mnist").withDataDir(fashion));

        assertThat(s.train().size() + s.valid().size()).isEqualTo(60_000);
        assertThat(s.test().labels()).startsWith(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
        assertThat(s.classNames().get(9)).isEqualTo("Ankle boot");
        assertThat(Checksums.summary(Checksums.verify(KnownDataset.FASHION_MNIST, fashion))).isEqualTo("ok");
    }

    @Test
    void loadsCifar100FixtureWithFineOrCoarseLabels(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("cifar-100-binary"));
        int[] coarse = DatasetFixtures.cycle(30, 20);
        int[] fine = DatasetFixtures.cycle(30, 100);
        Files.write(dir.resolve("train.bin"), cifarRecords(coarse, fine));
        Files.write(dir.resolve("test.bin"), cifarRecords(new int[] {5, 6}, new int[] {77, 88}));
        DataRequest r = DataRequest.of("cifar100").withDataDir(root).withValidSize(10);

        DataSplits fineSplits = Datasets.load(r, false);
        DataSplits coarseSplits = Datasets.load(r.withCoarseLabels(true), false);

        assertThat(fineSplits.numClasses()).isEqualTo(100);
        assertThat(fineSplits.test().labels()).containsExactly(77, 88);
        assertThat(coarseSplits.numClasses()).isEqualTo(20);
        assertThat(coarseSplits.classNames().get(5)).isEqualTo("household_electrical_devices");
        assertThat(coarseSplits.test().labels()).containsExactly(5, 6);
        assertThat(coarseSplits.train().size()).isEqualTo(20);
        assertThatThrownBy(() -> Datasets.load(r))
                .isInstanceOf(UserInputException.class).hasMessageContaining("train.bin: wrong checksum");
    }

    @Test
    void rejectsWrongChecksum(@TempDir Path root) throws IOException {
        DatasetFixtures.writeMnistLike(root.resolve("mnist"), 20, 5);
        DataRequest r = DataRequest.of("mnist").withDataDir(root).withValidSize(5);

        assertThatThrownBy(() -> Datasets.load(r))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz: wrong checksum")
                .hasMessageContaining("expected 6bbc9ace898e44ae57da46a324031adb");
        assertThat(Datasets.load(r, false).train().size()).isEqualTo(15);
    }

    @Test
    void readsDecompressedIdxFilesUnderTheirNamesWithoutGz(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("mnist"));
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(real("mnist").resolve(name + ".gz")))) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        DataSplits s = Datasets.load(DataRequest.of("mnist").withDataDir(root).withLimits(100, 50, 20));
        assertThat(s.train().size()).isEqualTo(100);
        assertThat(Checksums.summary(Checksums.verify(KnownDataset.MNIST, dir))).isEqualTo("ok");
        assertThat(DatasetLocator.standard(root).locate(KnownDataset.MNIST).dir()).isEqualTo(dir);
    }

    @Test
    void rejectsMissingDataDirectory(@TempDir Path root) {
        Path missing = root.resolve("no-such-dir");

        assertThatThrownBy(() -> Datasets.load(DataRequest.of("mnist").withDataDir(missing)))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("no-such-dir: no such directory");
    }

    @Test
    void rejectsMissingFileOfFoundDataset(@TempDir Path root) throws IOException {
        Path dir = DatasetFixtures.writeMnistLike(root.resolve("mnist"), 20, 5);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));

        assertThatThrownBy(() -> Datasets.load(DataRequest.of("mnist").withDataDir(root).withValidSize(5), false))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte.gz: missing file");
    }

    @Test
    void rejectsValidationSizeThatLeavesNoTraining(@TempDir Path root) throws IOException {
        DatasetFixtures.writeMnistLike(root.resolve("mnist"), 20, 5);

        assertThatThrownBy(() -> Datasets.load(DataRequest.of("mnist").withDataDir(root), false))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("validation size 10000");
    }

    @Test
    void knowsOfficialDownloadAddresses() {
        assertThat(KnownDataset.CIFAR10.downloadUrls()).extracting(Object::toString)
                .containsExactly("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
        assertThat(KnownDataset.MNIST.downloadUrls()).hasSize(4).first().hasToString(
                "https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz");
        assertThat(KnownDataset.CIFAR100.classNames()).hasSize(100).endsWith("worm");
        assertThat(KnownDataset.CIFAR100.numClasses(true)).isEqualTo(20);
        assertThat(KnownDataset.byId("FASHION_MNIST")).isEqualTo(KnownDataset.FASHION_MNIST);
    }

    @Test
    void rejectsUnknownDatasetListingKnownOnes() {
        assertThatThrownBy(() -> KnownDataset.byId("imagenet"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("'imagenet'")
                .hasMessageContaining("mnist, fashion-mnist, cifar10, cifar100");
    }
}
