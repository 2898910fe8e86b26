package ffcnn.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a comparison does with each folder, decided before anything runs; nothing is trained here. */
class PlannedRunTest {

    private static final List<String> OVERRIDES = List.of("train.epochs=1", "model.width=0.2");

    private static RunConfig config(String method) {
        return PresetLoader.load(method, "mnist", "quick", OVERRIDES);
    }

    private static Path runFolder(Path dir, String configText, String... files) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.yaml"), configText);
        for (String f : files) {
            Files.writeString(dir.resolve(f), "x");
        }
        return dir;
    }

    @Test
    void newOrUnstartedFolderStartsWithTheSameArguments(@TempDir Path dir) throws IOException {
        PlannedRun fresh = PlannedRun.of("caw-conv", config("caw-conv"), dir.resolve("caw-conv"));
        assertThat(fresh.step()).isEqualTo(PlannedRun.Step.START);
        assertThat(fresh.trainArguments("mnist", "quick", OVERRIDES)).containsExactly("train", "--method",
                "caw-conv", "--dataset", "mnist", "--preset", "quick", "--out", dir.resolve("caw-conv").toString(),
                "--set", "train.epochs=1", "--set", "model.width=0.2");
        Path unstarted = runFolder(dir.resolve("u"), PresetLoader.toYaml(config("caw-conv")));
        assertThat(PlannedRun.of("caw-conv", config("caw-conv"), unstarted).step()).isEqualTo(PlannedRun.Step.START);
    }

    @Test
    void finishedRunOfTheSameConfigIsSkipped(@TempDir Path dir) throws IOException {
        Path run = runFolder(dir, PresetLoader.toYaml(config("deeperforward")), "summary.json", "checkpoint.ffcnn");
        PlannedRun planned = PlannedRun.of("deeperforward", config("deeperforward"), run);
        assertThat(planned.step()).isEqualTo(PlannedRun.Step.SKIP);
        assertThatThrownBy(() -> planned.trainArguments("mnist", "quick", OVERRIDES))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void checkpointWithoutSummaryIsResumed(@TempDir Path dir) throws IOException {
        Path run = runFolder(dir, PresetLoader.toYaml(config("caw-conv")), "checkpoint.ffcnn");
        PlannedRun planned = PlannedRun.of("caw-conv", config("caw-conv"), run);
        assertThat(planned.step()).isEqualTo(PlannedRun.Step.RESUME);
        assertThat(planned.trainArguments("mnist", "quick", OVERRIDES))
                .containsExactly("train", "--resume", run.toString());
    }

    @Test
    void runOfAnotherConfigIsAUserErrorNamingTheFolder(@TempDir Path dir) throws IOException {
        Path other = runFolder(dir.resolve("other"), PresetLoader.toYaml(config("deeperforward")), "summary.json");
        assertThatThrownBy(() -> PlannedRun.of("caw-conv", config("caw-conv"), other))
                .isInstanceOf(UserInputException.class).hasMessageContaining(other.toString())
                .hasMessageContaining("another --out");
        Path noConfig = Files.createDirectories(dir.resolve("no-config"));
        Files.writeString(noConfig.resolve("checkpoint.ffcnn"), "x");
        assertThatThrownBy(() -> PlannedRun.of("caw-conv", config("caw-conv"), noConfig))
                .isInstanceOf(UserInputException.class);
    }
}
