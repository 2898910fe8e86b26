package ffcnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDatasetsTest {

    @TempDir
    Path dir;

    private static DataSplits load(Path tree, int size) {
        return Datasets.load(DataRequest.of("folder:" + tree).withImageSize(size));
    }

    @Test
    void readsGreyPngTreeWithClassesSortedByFolderName() {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("zebra", "ant", "mole"), 10, 12, false);
        DataSplits data = load(dir, 8);
        assertThat(data.classNames()).containsExactly("ant", "mole", "zebra");
        assertThat(data.train().channels()).isEqualTo(1);
        assertThat(data.train().height()).isEqualTo(8);
        assertThat(data.valid().size()).isEqualTo(3); // a tenth of the 30 training images
        assertThat(data.train().size()).isEqualTo(27);
        assertThat(data.test().size()).isEqualTo(30);
        assertThat(data.test().labels()).startsWith(0, 0, 0).endsWith(2, 2);
        assertThat(data.normalization().channels()).isEqualTo(1);
    }

    @Test
    void anyColourImageMakesThreeChannelsAndJpegIsRead() {
        ImageTrees.tree(dir, List.of("train", "val"), List.of("a"), 3, 10, false);
        ImageTrees.image(dir.resolve("train/b/x.jpg"), 14, true, 1);
        ImageTrees.image(dir.resolve("train/b/y.JPEG"), 14, true, 2);
        ImageTrees.image(dir.resolve("val/b/z.jpeg"), 14, true, 3);
        DataSplits data = Datasets.load(DataRequest.of("folder:" + dir).withValidSize(0));
        assertThat(data.train().channels()).isEqualTo(3);
        assertThat(data.train().width()).isEqualTo(10); // the first training image's size
        assertThat(data.train().size()).isEqualTo(5);
        assertThat(data.test().size()).isEqualTo(4); // val/ when there is no test/
        assertThat(data.classNames()).containsExactly("a", "b");
    }

    @Test
    void sameSeedSameSplitAndPixels() {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a", "b"), 10, 9, true);
        DataSplits one = load(dir, 9);
        DataSplits two = load(dir, 9);
        assertThat(((ImageSet) one.train()).pixels()).isEqualTo(((ImageSet) two.train()).pixels());
        assertThat(one.valid().labels()).isEqualTo(two.valid().labels());
        int[][] split = Datasets.splitIndices(20, 2, DataRequest.DEFAULT_SPLIT_SEED);
        assertThat(one.valid().size()).isEqualTo(split[1].length);
    }

    @Test
    void truncatedImageStopsNamingTheFile() {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a", "b"), 4, 16, true);
        Path bad = dir.resolve("train/b/b_2.png");
        ImageTrees.truncate(bad, 60);
        assertThatThrownBy(() -> load(dir, 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("b_2.png");
    }

    @Test
    void truncatedJpegIsDetected() {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a"), 2, 16, true);
        Path jpeg = ImageTrees.image(dir.resolve("train/a/photo.jpg"), 64, true, 7);
        ImageTrees.truncate(jpeg, (int) (jpeg.toFile().length() / 2));
        assertThatThrownBy(() -> load(dir, 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("photo.jpg");
    }

    @Test
    void corruptImagesAreSkippedWhenAsked() throws IOException {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a", "b"), 5, 8, false);
        Files.writeString(dir.resolve("train/a/a_1.png"), "not an image");
        Files.writeString(dir.resolve("test/b/b_0.png"), "not an image");
        DataSplits data = Datasets.load(DataRequest.of("folder:" + dir).withImageSize(8).withValidSize(0)
                .withSkipCorrupt(true));
        assertThat(data.train().size()).isEqualTo(9);
        assertThat(data.test().size()).isEqualTo(9);
        assertThat(data.train().skipped()).isEqualTo(1);
        assertThat(data.test().skipped()).isEqualTo(1);
        assertThat(data.valid().skipped()).isZero();
    }

    @Test
    void emptyClassFolderIsAnError() throws IOException {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a"), 2, 8, false);
        Files.createDirectories(dir.resolve("train/empty"));
        assertThatThrownBy(() -> load(dir, 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("empty").hasMessageContaining("holds no images");
    }

    @Test
    void missingTrainOrTestOrFolderIsAnError() {
        ImageTrees.tree(dir.resolve("t"), List.of("test"), List.of("a"), 2, 8, false);
        assertThatThrownBy(() -> load(dir.resolve("t"), 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("no train/ folder");
        ImageTrees.tree(dir.resolve("u"), List.of("train"), List.of("a"), 2, 8, false);
        assertThatThrownBy(() -> load(dir.resolve("u"), 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("no test/ or val/");
        assertThatThrownBy(() -> load(dir.resolve("nothing"), 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("nothing: no such directory");
    }

    @Test
    void testClassMissingIsAnError() {
        ImageTrees.tree(dir, List.of("train"), List.of("a", "b"), 2, 8, false);
        ImageTrees.tree(dir, List.of("test"), List.of("a"), 2, 8, false);
        assertThatThrownBy(() -> load(dir, 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("test").hasMessageContaining("class b");
    }

    @Test
    void limitsDecodeOnlyWhatIsKept() throws IOException {
        ImageTrees.tree(dir, List.of("train", "test"), List.of("a", "b"), 10, 8, false);
        DataRequest r = DataRequest.of("folder:" + dir).withImageSize(8).withLimits(4, 1, 3);
        DataSplits data = Datasets.load(r);
        assertThat(data.train().size()).isEqualTo(4);
        assertThat(data.valid().size()).isEqualTo(1);
        assertThat(data.test().size()).isEqualTo(3);
    }
}
