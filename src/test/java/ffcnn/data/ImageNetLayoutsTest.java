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

/** Tiny-ImageNet and ImageNet on small trees written in their official layouts. */
class ImageNetLayoutsTest {

    @TempDir
    Path root;

    /** {@code tiny-imagenet-200/} with the given wnids (listed unsorted), 4 training and 2 val images each. */
    private Path tinyImageNet(List<String> wnids) throws IOException {
        Path dir = root.resolve("tiny-imagenet-200");
        Files.createDirectories(dir);
        Files.write(dir.resolve("wnids.txt"), wnids);
        Files.write(dir.resolve("words.txt"), List.of("n00000001\tentity", "n01443537\tgoldfish, Carassius auratus",
                "n01629819\tEuropean fire salamander, Salamandra salamandra", "n01641577\tbullfrog, Rana catesbeiana"));
        List<String> annotations = new ArrayList<>();
        for (int k = 0; k < wnids.size(); k++) {
            String w = wnids.get(k);
            for (int i = 0; i < 4; i++) {
                ImageTrees.image(dir.resolve("train/" + w + "/images/" + w + "_" + i + ".JPEG"), 64, true, k + i);
            }
            Files.writeString(dir.resolve("train/" + w + "/" + w + "_boxes.txt"), w + "_0.JPEG\t0\t0\t63\t63\n");
            for (int i = 0; i < 2; i++) {
                String name = "val_" + (2 * k + i) + ".JPEG";
                ImageTrees.image(dir.resolve("val/images/" + name), 64, true, k);
                annotations.add(name + "\t" + w + "\t0\t0\t63\t63");
            }
        }
        Files.write(dir.resolve("val/val_annotations.txt"), annotations);
        ImageTrees.image(dir.resolve("test/images/test_0.JPEG"), 64, true, 0);
        return dir;
    }

    @Test
    void tinyImageNetInItsOfficialLayout() throws IOException {
        tinyImageNet(List.of("n01641577", "n01443537", "n01629819"));
        DataSplits data = Datasets.load(DataRequest.of("tiny-imagenet").withDataDir(root).withValidSize(3)
                .withImageSize(64));
        assertThat(data.classNames()).containsExactly("goldfish", "European fire salamander", "bullfrog");
        assertThat(data.train().size() + data.valid().size()).isEqualTo(12);
        assertThat(data.valid().size()).isEqualTo(3);
        assertThat(data.test().size()).isEqualTo(6);
        // val_0, val_1 belong to n01641577, which sorts last
        assertThat(data.test().labels()).containsExactly(2, 2, 0, 0, 1, 1);
        assertThat(data.train().channels()).isEqualTo(3);
        assertThat(data.train().height()).isEqualTo(64);
        assertThat(data.normalization()).isEqualTo(FolderLayouts.IMAGENET);
    }

    @Test
    void tinyImageNetAnnotationWithUnknownWnidIsNamed() throws IOException {
        Path dir = tinyImageNet(List.of("n01443537"));
        Files.writeString(dir.resolve("val/val_annotations.txt"), "val_0.JPEG\tn99999999\t0\t0\t1\t1\n");
        assertThatThrownBy(() -> Datasets.load(DataRequest.of("tiny-imagenet").withDataDir(root).withValidSize(1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("val_annotations.txt: line 1");
    }

    @Test
    void imageNetClassFolders() throws IOException {
        Path dir = root.resolve("imagenet");
        for (String w : List.of("n01443537", "n01440764")) {
            for (int i = 0; i < 3; i++) {
                ImageTrees.image(dir.resolve("train/" + w + "/" + w + "_" + i + ".JPEG"), 20 + i, true, i);
            }
            ImageTrees.image(dir.resolve("val/" + w + "/ILSVRC2012_val_0000000" + w.charAt(8) + ".JPEG"), 30, true, 1);
        }
        DataSplits data = Datasets.load(DataRequest.of("imagenet").withDataDir(root).withValidSize(2)
                .withImageSize(16));
        assertThat(data.classNames()).containsExactly("n01440764", "n01443537");
        assertThat(data.train().size()).isEqualTo(4);
        assertThat(data.test().labels()).containsExactly(0, 1);
        assertThat(data.test().width()).isEqualTo(16);
    }

    /**
     * The papers' presets for these datasets run on them as they are (one epoch at a small width): CAW-Conv's
     * Tiny-ImageNet preset (ResNet-17 at 64x64, crop and flip) and ASGE's ImageNet preset (VGG11 at 64x64).
     */
    @Test
    void thePapersPresetsTrainOnTheOfficialLayouts() throws IOException {
        tinyImageNet(List.of("n01641577", "n01443537", "n01629819"));
        Path dir = root.resolve("imagenet");
        for (String w : List.of("n01443537", "n01440764")) {
            for (int i = 0; i < 4; i++) {
                ImageTrees.image(dir.resolve("train/" + w + "/" + w + "_" + i + ".JPEG"), 70 + i, true, i);
            }
            ImageTrees.image(dir.resolve("val/" + w + "/ILSVRC2012_val_0000000" + w.charAt(8) + ".JPEG"), 80, true, 1);
        }
        List<String> small = List.of("train.epochs=1", "train.batch_size=4", "data.valid_size=2");
        List<String> caw6 = new ArrayList<>(small);
        caw6.add("model.width=0.06"); // 6..48 channels: multiples of the 3 classes, as CAW-Conv needs
        var caw = ffcnn.method.TrainingRun.start(ffcnn.method.PresetLoader.load("caw-conv", "tiny-imagenet", "paper",
                caw6), root.resolve("run-caw"), root, List.of());
        assertThat(caw.arch()).isEqualTo("resnet17");
        assertThat(caw.trainImages()).isEqualTo(10); // 12 - 2 for validation
        assertThat(caw.perLayerTestAccuracy()).hasSize(17);
        List<String> asge4 = new ArrayList<>(small);
        asge4.add("model.width=0.0625"); // 4..32 channels
        var asge = ffcnn.method.TrainingRun.start(ffcnn.method.PresetLoader.load("asge", "imagenet", "paper",
                asge4), root.resolve("run-asge"), root, List.of());
        assertThat(asge.arch()).isEqualTo("vgg11");
        assertThat(asge.trainImages()).isEqualTo(6);
        assertThat(asge.testAccuracyByStrategy()).containsKeys("last-layer", "all-layers", "linear-heads");
    }

    @Test
    void missingNamedDatasetSaysWhereItLooked() {
        assertThatThrownBy(() -> Datasets.load(DataRequest.of("imagenet").withDataDir(root)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("imagenet not found")
                .hasMessageContaining("--data-dir");
    }
}
