package ffcnn.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import ffcnn.method.PresetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runner: a finished run is skipped without starting a process, a failing one is recorded with its
 * error while the others go on. (Training and resuming for real: SweepCommandTest.)
 */
class SweepRunnerTest {

    @Test
    void finishedRunsAreSkippedAndAFailureIsRecordedWithoutStoppingTheOthers(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such-images");
        SweepEntry failing = SweepEntry.of(0, 2, "caw-conv", "folder:" + missing, "quick", 1, Map.of(), "runs/a");
        SweepEntry finished = SweepEntry.of(1, 2, "cwcomp", "fashion-mnist", "quick", 5,
                Map.of("train.epochs", "1"), "runs/b");
        Path done = Files.createDirectories(dir.resolve(finished.dir()));
        Files.writeString(done.resolve("config.yaml"), PresetLoader.toYaml(
                PresetLoader.load("cwcomp", "fashion-mnist", "quick", finished.overrides())));
        Files.writeString(done.resolve("summary.json"), "{\"test_accuracy\": 0.5}");

        List<String> progress = new ArrayList<>();
        List<EntryResult> results = new SweepRunner(dir, null, 2, 1, null, true, line -> {
            synchronized (progress) {
                progress.add(line);
            }
        }).runAll(List.of(failing, finished));

        assertThat(results).extracting(EntryResult::status).containsExactly("failed", "finished");
        assertThat(results.get(0).exitStatus()).isEqualTo(2);
        assertThat(results.get(0).message()).contains("no-such-images");
        assertThat(EntryResult.read(dir, 0)).isEqualTo(results.get(0));
        assertThat(EntryStatus.read(dir, failing).status()).startsWith("failed: ").contains("no-such-images");
        assertThat(EntryStatus.read(dir, finished).finished()).isTrue();
        assertThat(progress).anySatisfy(l -> assertThat(l).contains("#1 ", "finished run found, skipped"))
                .anySatisfy(l -> assertThat(l).contains("#0 ", "failed (exit status 2)"));
        assertThat(Files.readString(dir.resolve("logs/0000.log"))).contains("no-such-images");
    }
}
