package ffcnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ffcnn.UserInputException;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published rows load, each names an existing preset or is marked not built. */
class PublishedRowsTest {

    @Test
    void everyRowHasAPresetThatLoadsOrIsMarkedNotBuilt() {
        List<PublishedRow> rows = PublishedRows.all();
        assertThat(rows).hasSizeGreaterThan(30);
        assertThat(rows.stream().map(PublishedRow::id).distinct()).hasSameSizeAs(rows);
        for (PublishedRow r : rows) {
            assertThat(r.published()).as(r.id()).isBetween(1.0, 100.0);
            assertThat(r.source()).as(r.id()).isNotBlank();
            assertThat(r.id()).startsWith(r.method() + "." + r.dataset());
            if (r.built()) {
                RunConfig c = PresetLoader.load(r.method(), r.dataset(), r.preset(), List.of());
                assertThat(c.data().dataset()).as(r.id()).isEqualTo(r.dataset());
                assertThat(Calibration.trainImages(c)).as(r.id()).isPositive();
            }
        }
        assertThat(rows).filteredOn(r -> !r.built()).extracting(PublishedRow::id)
                .contains("asge.imagenet-top1", "asge.imagenet-top5", "deeperforward.tiny-imagenet");
    }

    @Test
    void knownFiguresAreThere() {
        assertThat(PublishedRows.get("cwcomp.fashion-mnist").published()).isEqualTo(92.31);
        assertThat(PublishedRows.get("asge.cifar100").published()).isEqualTo(65.42);
        assertThat(PublishedRows.get("caw-conv.cifar100-x3").preset()).isEqualTo("x3");
        assertThat(PublishedRows.get("asge.imagenet-top5").metric()).isEqualTo("top-5");
        assertThatThrownBy(() -> PublishedRows.get("nope")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("unknown row 'nope'");
    }

    @Test
    void estimateIsTrainingImagesOverSpeedPlusTheScoredEpochsImagesTimesTheirCost() {
        PublishedRow row = PublishedRows.get("cwcomp.fashion-mnist");
        // the preset: 20 epochs on all 60,000 training images (no validation split, as the official code), each
        // scored on the 10,000 test images
        assertThat(Calibration.estimateSeconds(row, new Calibration.Speed(1000.0, 0)))
                .isEqualTo(20 * 60_000 / 1000.0);
        assertThat(Calibration.estimateSeconds(row, new Calibration.Speed(1000.0, 0.001)))
                .isCloseTo(20 * 60_000 / 1000.0 + 20 * 10_000 * 0.001, within(1e-6));
        // FF on MNIST: 50,000 training images, 10,000 validation and 10,000 test images scored after epochs
        // 10, 20, ..., 60 (train.eval_every: 10)
        assertThat(Calibration.estimateSeconds(PublishedRows.get("ff.mnist"), new Calibration.Speed(500.0, 0.003)))
                .isCloseTo(60 * 50_000 / 500.0 + 6 * 20_000 * 0.003, within(1e-6));
    }

    @Test
    void calibrationTrainsEightBatchesOfThePresetAndReadsTheSecondEpochsSpeed(@TempDir Path dir) throws Exception {
        PublishedRow cafo = PublishedRows.get("cafo.mnist"); // batch 128
        assertThat(Calibration.images(cafo)).isEqualTo(8 * 128);
        assertThat(Calibration.spec(cafo).grid().get("data.limit_train")).containsExactly("1024");
        PublishedRow cwcomp = PublishedRows.get("cwcomp.fashion-mnist");
        assertThat(Calibration.images(cwcomp)).isEqualTo(Math.max(512, 8 * PresetLoader.load("cwcomp",
                "fashion-mnist", "paper", List.of()).train().batchSize()));

        assertThat(Calibration.speed(dir, cafo)).as("not calibrated").isNull();
        Path run = Calibration.folder(dir, cafo).resolve("runs").resolve("0000-cafo-mnist-paper-seed7");
        Files.createDirectories(run);
        Files.writeString(run.resolve("metrics.jsonl"), "{\"epoch\":0,\"train_seconds\":2.0,\"images_per_second\":512.0}\n"
                + "{\"epoch\":1,\"train_seconds\":1.0,\"eval_seconds\":0.64,\"images_per_second\":1024.0}\n");
        assertThat(Calibration.speed(dir, cafo)).as("no summary yet: unfinished").isNull();
        Files.writeString(run.resolve("summary.json"), "{}");
        assertThat(Calibration.speed(dir, cafo)).isEqualTo(new Calibration.Speed(1024.0, 0.64 / 128));
    }
}
