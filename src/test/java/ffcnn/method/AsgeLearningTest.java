package ffcnn.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ASGE learns for real: the quick preset (VGG8 at a quarter of the width, 2 epochs) on the first 10,000
 * Fashion-MNIST training images, scored on the first 2,000 test images (chance is 10 %). Measured on this
 * project's 2-core machine: MEASURED.
 */
@Tag("learning")
class AsgeLearningTest {

    @Test
    void quickPresetLearnsFashionMnist(@TempDir Path dir) {
        RunConfig config = PresetLoader.load("asge", "fashion-mnist", "quick", List.of("data.limit_train=10000",
                "data.limit_valid=1000", "data.limit_test=2000"));
        RunSummary s = TrainingRun.start(config, dir, null, List.of());
        assertThat(s.strategy()).isEqualTo("all-layers");
        assertThat(s.testAccuracy()).as("summed goodness scores").isGreaterThanOrEqualTo(0.80);
    }
}
