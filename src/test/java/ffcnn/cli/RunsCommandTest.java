package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ffcnn.method.PresetLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ffcnn runs} on runs the tests leave: a failed one and an interrupted one (finished: TrainProgressTest). */
class RunsCommandTest extends CommandLineTest {

    @Test
    void listsFailedAndInterruptedRuns(@TempDir Path dir) throws Exception {
        Path noData = Files.createDirectories(dir.resolve("data/fashion-mnist"));
        Files.writeString(noData.resolve("train-images-idx3-ubyte.gz"), "damaged");
        Path failed = dir.resolve("runs/failed");
        assertThat(run("train", "--quiet", "--out", failed.toString(), "--data-dir", noData.getParent().toString()))
                .isEqualTo(2);
        String error = err.toString().strip().substring("ffcnn: ".length());

        Path interrupted = Files.createDirectories(dir.resolve("runs/compare/cwcomp"));
        Files.writeString(interrupted.resolve("config.yaml"), PresetLoader.toYaml(
                PresetLoader.load("cwcomp", "mnist", "quick", List.of())));

        writers();
        assertThat(run("runs", dir.resolve("runs").toString())).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("RUN").contains("METHOD", "DATASET", "EPOCHS", "TEST", "STATUS");
        assertThat(lines.get(1)).startsWith(interrupted.toString()).contains("cwcomp", "mnist", "0/", "interrupted");
        assertThat(lines.get(2)).startsWith(failed.toString()).contains("caw-conv", "fashion-mnist",
                "failed: " + error);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aMissingFolderIsOneLine(@TempDir Path dir) {
        assertThat(run("runs", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertOneErrorLine("nowhere: no such folder");
    }
}
