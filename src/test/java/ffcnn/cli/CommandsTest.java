package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, eval, predict, methods and the error paths, through the command line as a user types them. */
class CommandsTest extends CommandLineTest {

    @Test
    void trainEvalAndPredictOnFashionMnist(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        int code = run("train", "--method", "caw-conv", "--dataset", "fashion-mnist", "--preset", "quick",
                "--epochs", "1",
                "--limit-train", "640", "--limit-valid", "200", "--limit-test", "200", "--set", "model.width=0.2",
                "--out", run.toString(), "--quiet");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("caw-conv on fashion-mnist: test accuracy");
        assertThat(err.toString()).isEmpty();
        assertThat(run.resolve("cam_test0-layers.png")).as("class activation maps of the first test images")
                .isRegularFile();
        assertThat(Files.readString(run.resolve("report.html"))).contains("Class activation maps",
                "cam_test3-layers.png");

        writers();
        assertThat(run("eval", "--model", run.toString(), "--limit", "300"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("loss-aware", "best-range", "last-layer", "layer 3", "trained extra",
                "memory");

        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().fillRect(12, 4, 4, 20);
        Path png = dir.resolve("one.png");
        ImageIO.write(img, "png", png.toFile());
        writers();
        assertThat(run("predict", "--model", run.toString(), png.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("one.png: ", "probabilities:", "layer votes: 0=");
        assertThat(err.toString()).isEmpty();

        Path folder = Files.createDirectories(dir.resolve("images"));
        Files.copy(png, folder.resolve("b.png"));
        Files.copy(png, folder.resolve("a.png"));
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        writers();
        assertThat(run("predict", "--model", run.toString(), "--top", "3", folder.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString().lines()).hasSize(3);
        assertThat(out.toString()).startsWith("file,class,probability,class_2,probability_2,class_3,probability_3\n"
                + folder.resolve("a.png") + ",").contains(folder.resolve("b.png") + ",");
        writers();
        assertThat(run("predict", "--model", run.toString(), "--top", "2", png.toString())).isZero();
        assertThat(out.toString()).contains("one.png: ", "  top 2: ").doesNotContain("probabilities:");
        writers();
        assertThat(run("predict", "--model", run.toString(), "--top", "11", png.toString())).isEqualTo(2);
        assertOneErrorLine("--top must be between 1 and 10, got 11");

        Path cams = dir.resolve("cams");
        writers();
        assertThat(run("explain", "--model", run.toString(), "--out", cams.toString(), png.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).startsWith(png + ": predicted ").contains("one-layers.png");
        BufferedImage sheet = ImageIO.read(cams.resolve("one-layers.png").toFile());
        assertThat(sheet.getWidth()).as("the image and 4 layers side by side").isEqualTo(5 * 168);
        for (int l = 0; l < 4; l++) {
            assertThat(cams.resolve("one-layer" + l + ".png")).isRegularFile();
        }
        writers();
        assertThat(run("explain", "--model", run.toString(), "--out", cams.toString(), "--class", "Bag",
                png.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(": class Bag -> ");
        writers();
        assertThat(run("explain", "--model", run.toString(), "--class", "Hat", png.toString())).isEqualTo(2);
        assertOneErrorLine("--class Hat: neither a class name nor an index 0..9 of this model");
    }

    @Test
    void unknownPresetKeyIsOneLineAndExitTwo(@TempDir Path dir) {
        assertThat(run("train", "--set", "train.epoch=3", "--out", dir.toString())).isEqualTo(2);
        assertOneErrorLine("unknown preset key 'train.epoch'");
    }

    @Test
    void unknownMethodAndPresetAreUserErrors(@TempDir Path dir) {
        assertThat(run("train", "--method", "nope", "--out", dir.toString())).isEqualTo(2);
        assertOneErrorLine("unknown method 'nope'");
        writers();
        assertThat(run("train", "--preset", "huge", "--out", dir.toString())).isEqualTo(2);
        assertOneErrorLine("no preset 'fashion-mnist-huge'");
    }

    @Test
    void badModelFileIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("model.ffcnn"), "not a model");
        assertThat(run("eval", "--model", bogus.toString())).isEqualTo(2);
        assertOneErrorLine("model.ffcnn", "bad magic");
        writers();
        assertThat(run("eval", "--model", dir.resolve("missing").toString())).isEqualTo(2);
        assertOneErrorLine("no such model");
    }

    @Test
    void resumeOfAFolderWithoutCheckpointIsAUserError(@TempDir Path dir) {
        assertThat(run("train", "--resume", dir.toString())).isEqualTo(2);
        assertOneErrorLine("no checkpoint");
    }

    @Test
    void helpVersionAndMethods() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("train", "eval", "predict", "datasets", "methods", "bench");
        for (String cmd : new String[] {"train", "eval", "predict", "datasets", "methods", "bench"}) {
            writers();
            assertThat(run(cmd, "--help")).as(cmd).isZero();
            assertThat(out.toString()).contains("Usage: ffcnn " + cmd);
        }
        writers();
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("ffcnn 0.1.0 (commit ", "DJL 0.35.1").doesNotContain("dev");
        writers();
        assertThat(run("methods")).isZero();
        assertThat(out.toString()).contains("caw-conv", "fashion-mnist", "quick", "paper")
                .contains("prediction strategies", "linear-heads", "neutral-linear", "(read-out: linear-heads)");
        writers();
        assertThat(run("eval", "--help")).isZero();
        assertThat(out.toString()).contains("last-layer", "all-layers", "linear-heads", "neutral-linear");
    }

    @Test
    void methodsDetailsSayWhatEachPresetIs() {
        assertThat(run("methods", "--details", "caw-conv")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("caw-conv", "  cifar10\n",
                "    paper  resnet17 x1.0, ", "epochs, batch ", "Paper: 89.37 %",
                "    quick  tiny-cnn", "CPU-sized CAW-Conv on CIFAR-10", "    fast   tiny-cnn x0.5, 5 epochs, batch 64")
                .doesNotContain("cwcomp");
        writers();
        assertThat(run("methods", "nope")).isEqualTo(2);
        assertOneErrorLine("unknown method 'nope'");
    }
}
