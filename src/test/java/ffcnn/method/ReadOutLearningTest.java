package ffcnn.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forward-Forward's neutral-input linear classifier (a trainable read-out) learns on a small real Fashion-MNIST
 * slice in one short epoch (2,000 images; chance is 10 %). ASGE's linear heads (S3) are checked in
 * {@link AsgeLearningTest}, on the run that test trains anyway.
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
    void ffNeutralLinearLearns(@TempDir Path dir) {
        RunSummary s = run("ff", dir, "model.width=0.2");
        assertThat(s.testAccuracyByStrategy().get("neutral-linear")).isGreaterThan(NEUTRAL_LINEAR);
    }

    static final double NEUTRAL_LINEAR = 0.5;
}
