package ffcnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders too large for memory are decoded batch by batch, to the same batches as in memory. */
class FolderSourceTest {

    @TempDir
    Path dir;

    private static List<Batch> epoch(ImageSource set, Normalization norm, long seed) {
        List<Batch> all = new ArrayList<>();
        try (Batches b = Batches.shuffled(set, norm, 4, seed)) {
            b.forEachRemaining(all::add);
        }
        return all;
    }

    @Test
    void streamedBatchesEqualInMemoryBatches() {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a", "b", "c"), 5, 11, true);
        DataRequest r = DataRequest.of("folder:" + dir).withImageSize(8);
        DataSplits memory = FolderDatasets.load(r, Long.MAX_VALUE);
        DataSplits streamed = FolderDatasets.load(r, 0);
        assertThat(memory.train()).isInstanceOf(ImageSet.class);
        assertThat(streamed.train()).isInstanceOf(FolderSource.class);
        assertThat(streamed.normalization()).isEqualTo(memory.normalization()); // sample = all 14 images
        assertThat(streamed.test().labels()).isEqualTo(memory.test().labels());
        List<Batch> a = epoch(memory.train(), memory.normalization(), 7);
        List<Batch> b = epoch(streamed.train(), memory.normalization(), 7);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).images()).isEqualTo(a.get(i).images());
            assertThat(b.get(i).labels()).isEqualTo(a.get(i).labels());
        }
    }

    @Test
    void streamedCorruptImageStopsTheEpochNamingTheFile() throws IOException {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a", "b"), 4, 8, false);
        DataSplits data = FolderDatasets.load(DataRequest.of("folder:" + dir).withImageSize(8).withValidSize(0), 0);
        Files.writeString(dir.resolve("test/b/b_3.png"), "gone bad after loading");
        assertThatThrownBy(() -> epoch(data.test(), data.normalization(), 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("b_3.png");
    }

    @Test
    void streamedCorruptImagesAreSkippedWhenAsked() throws IOException {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a", "b"), 4, 8, false);
        DataSplits data = FolderDatasets.load(DataRequest.of("folder:" + dir).withImageSize(8).withValidSize(0)
                .withSkipCorrupt(true), 0);
        Files.writeString(dir.resolve("test/b/b_3.png"), "gone bad after loading");
        assertThat(data.test().skipped()).isZero(); // not met yet
        int images = epoch(data.test(), data.normalization(), 1).stream().mapToInt(Batch::size).sum();
        assertThat(images).isEqualTo(7);
        epoch(data.test(), data.normalization(), 2);
        epoch(data.test().head(8), data.normalization(), 3);
        assertThat(data.test().skipped()).isEqualTo(1); // the same image, met three times
    }

    @Test
    void headKeepsTheFirstImages() {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a", "b"), 3, 8, false);
        DataSplits data = FolderDatasets.load(DataRequest.of("folder:" + dir).withImageSize(8), 0);
        assertThat(data.test().head(2).size()).isEqualTo(2);
        assertThat(data.test().head(2).labels()).containsExactly(0, 0);
    }
}
