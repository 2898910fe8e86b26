package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ffcnn.method.PresetLoader;
import ffcnn.sweep.Manifest;
import ffcnn.sweep.SweepEntry;
import ffcnn.sweep.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ffcnn compare --seeds N}: the methods x seeds as a sweep, its table with mean and spread. */
class CompareSeedsTest extends CommandLineTest {

    @Test
    void finishedSeedsAreSkippedAndShownWithMeanAndSpread(@TempDir Path dir) throws Exception {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("train.epochs", List.of("1"));
        List<SweepEntry> entries = Manifest.expand(new SweepSpec(List.of("cwcomp", "deeperforward"),
                List.of("fashion-mnist"), List.of("quick"), 2, List.of(), grid));
        Manifest.create(dir, entries); // as an earlier `compare --seeds 2` left it
        double[] accuracies = {0.80, 0.84, 0.70, 0.70};
        for (SweepEntry e : entries) {
            Path run = Files.createDirectories(dir.resolve(e.dir()));
            Files.writeString(run.resolve("config.yaml"), PresetLoader.toYaml(
                    PresetLoader.load(e.method(), e.dataset(), e.preset(), e.overrides())));
            Files.writeString(run.resolve("summary.json"), "{\"test_accuracy\": " + accuracies[e.index()] + "}");
        }
        assertThat(run("compare", "--methods", "cwcomp,deeperforward", "--seeds", "2", "--epochs", "1",
                "--out", dir.toString(), "--quiet")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("#0 cwcomp", "#3 deeperforward", "finished run found, skipped")
                .doesNotContain("training into");
        assertThat(out.toString()).contains("| cwcomp fashion-mnist quick | 2/2 | 0 | 82.00 | 2.83 | 80.00 | 84.00",
                "| deeperforward fashion-mnist quick | 2/2 | 0 | 70.00 | 0.00 |");
        assertThat(dir.resolve("sweep.csv")).isRegularFile();

        writers();
        assertThat(run("compare", "--methods", "cwcomp", "--seeds", "0", "--out", dir.resolve("x").toString()))
                .isEqualTo(2);
        assertOneErrorLine("--seeds must be >= 1");
    }
}
