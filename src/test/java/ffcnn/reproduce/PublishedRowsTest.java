package ffcnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    void estimateIsEpochsTimesTrainingImagesOverSpeed() {
        PublishedRow row = PublishedRows.get("cwcomp.fashion-mnist");
        // the preset: 20 epochs on all 60,000 training images (no validation split, as the official code)
        assertThat(Calibration.estimateSeconds(row, 1000.0)).isEqualTo(20 * 60_000 / 1000.0);
    }
}
