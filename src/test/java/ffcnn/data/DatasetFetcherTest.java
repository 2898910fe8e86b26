package ffcnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFetcherTest {

    private static List<String> entries(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path officialMnistMirror(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (DatasetFile f : KnownDataset.MNIST.files()) {
            Files.copy(DatasetFixtures.real("mnist").resolve(f.name()), dir.resolve(f.name()));
        }
        return dir;
    }

    @Test
    void fetchesVerifiedFilesFromFileUrl(@TempDir Path tmp) throws IOException {
        Path mirror = officialMnistMirror(tmp.resolve("mirror"));
        Path root = tmp.resolve("cache");
        List<String> reported = new ArrayList<>();

        Path dir = new DatasetFetcher(root, (file, done, total) -> reported.add(file))
                .fetch(KnownDataset.MNIST, mirror.toUri());

        assertThat(dir).isEqualTo(root.resolve("mnist"));
        assertThat(Checksums.summary(Checksums.verify(KnownDataset.MNIST, dir))).isEqualTo("ok");
        assertThat(entries(root)).containsExactly("mnist");
        assertThat(reported).contains("train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        assertThat(new DatasetLocator(List.of(new DatasetLocator.Root(root, "test"))).locate(KnownDataset.MNIST)
                .dir()).isEqualTo(dir);
    }

    @Test
    void skipsDownloadWhenFilesAreAlreadyThere(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("cache");
        officialMnistMirror(root.resolve("mnist"));

        Path dir = new DatasetFetcher(root, DatasetFetcher.Progress.NONE)
                .fetch(KnownDataset.MNIST, tmp.resolve("empty-mirror").toUri());

        assertThat(dir).isEqualTo(root.resolve("mnist"));
    }

    @Test
    void checksumMismatchLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        Path mirror = DatasetFixtures.writeMnistLike(tmp.resolve("mirror"), 5, 2);
        Path root = tmp.resolve("cache");
        DatasetFetcher fetcher = new DatasetFetcher(root, DatasetFetcher.Progress.NONE);

        assertThatThrownBy(() -> fetcher.fetch(KnownDataset.MNIST, mirror.toUri()))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz: wrong checksum")
                .hasMessageContaining("expected f68b3c2dcbeaaa9fbdd348bbdeb94873");
        assertThat(entries(root)).isEmpty();
    }

    @Test
    void tarballChecksumMismatchLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        writeTarball(mirror.resolve("cifar-100-binary.tar.gz"));
        Path root = tmp.resolve("cache");

        assertThatThrownBy(() -> new DatasetFetcher(root, DatasetFetcher.Progress.NONE)
                .fetch(KnownDataset.CIFAR100, mirror.toUri()))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cifar-100-binary.tar.gz: wrong checksum");
        assertThat(entries(root)).isEmpty();
    }

    @Test
    void missingRemoteFileLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        Path mirror = officialMnistMirror(tmp.resolve("mirror"));
        Files.delete(mirror.resolve("t10k-labels-idx1-ubyte.gz"));
        Path root = tmp.resolve("cache");

        assertThatThrownBy(() -> new DatasetFetcher(root, DatasetFetcher.Progress.NONE)
                .fetch(KnownDataset.MNIST, mirror.toUri()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte.gz");
        assertThat(entries(root)).isEmpty();
    }

    @Test
    void extractsTarballFilesFlat(@TempDir Path tmp) throws IOException {
        Path tarball = writeTarball(tmp.resolve("cifar-100-binary.tar.gz"));
        Path out = Files.createDirectories(tmp.resolve("out"));

        DatasetFetcher.extract(tarball, out);

        assertThat(entries(out)).containsExactly("fine_label_names.txt", "train.bin");
        assertThat(Files.readString(out.resolve("fine_label_names.txt"))).startsWith("apple");
        assertThat(Files.size(out.resolve("train.bin"))).isEqualTo(2 * 3074);
    }

    /** A tarball laid out as the official one: a folder entry, then its files. */
    private static Path writeTarball(Path target) throws IOException {
        byte[] records = DatasetFixtures.cifarRecords(new int[] {1, 2}, new int[] {3, 4});
        byte[] names = "apple\naquarium_fish\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream file = Files.newOutputStream(target);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            tar.putArchiveEntry(new TarArchiveEntry("cifar-100-binary/"));
            tar.closeArchiveEntry();
            put(tar, "cifar-100-binary/train.bin", records);
            put(tar, "cifar-100-binary/fine_label_names.txt", names);
        }
        return target;
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
