package ffcnn.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainable read-outs learn on a small real Fashion-MNIST slice in one short epoch (2,000 images; chance is
 * 10 %): ASGE's linear heads (S3) on a sixteenth-width VGG8 (measured here: 23.4 %; the layers themselves are far
 * from trained after 63 batches), and Forward-Forward's neutral-input linear classifier (above 50 %). The
 * trade-off table of summary.json lists each strategy with its extra parameters and memory.
 */
@Tag("learning")
class ReadOutLearningTest {

    static RunSummary run(String method, Path dir, String... more) {
        List<String> overrides = new java.util.ArrayList<>(List.of("train.epochs=1", "data.limit_train=2000",
                "data.limit_valid=200", "data.limit_test=500"));
        overrides.addAll(List.of(more));
        return TrainingRun.start(PresetLoader.load(method, "fashion-mnist", "quick", overrides), dir, null, List.of());
    }

    static Map<String, Object> row(RunSummary s, String strategy) {
        return s.strategies().stream().filter(r -> r.get("strategy").equals(strategy)).findFirst().orElseThrow();
    }

    @Test
    void asgeLinearHeadsLearn(@TempDir Path dir) {
        RunSummary s = run("asge", dir, "model.width=0.0625");
        assertThat(s.testAccuracyByStrategy().get("linear-heads")).as("S3").isGreaterThan(LINEAR_HEADS);
        // 6 heads of C_l x 10 weights and 10 biases on layers 2..7 (16, 16, 32, 32, 32, 32 channels)
        assertThat(row(s, "linear-heads").get("trained_parameters")).isEqualTo(10L * (16 + 16 + 32 + 32 + 32 + 32) + 60);
        assertThat(row(s, "last-layer").get("trained_parameters")).as("S1 reads a fixed projection").isEqualTo(0L);
        assertThat((Long) row(s, "all-layers").get("fixed_parameters"))
                .isGreaterThan((Long) row(s, "last-layer").get("fixed_parameters"));
    }

    @Test
    void ffNeutralLinearLearns(@TempDir Path dir) {
        RunSummary s = run("ff", dir, "model.width=0.2");
        assertThat(s.testAccuracyByStrategy().get("neutral-linear")).isGreaterThan(NEUTRAL_LINEAR);
    }

    static final double LINEAR_HEADS = 0.18;
    static final double NEUTRAL_LINEAR = 0.5;
}
