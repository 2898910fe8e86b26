package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ffcnn.method.PresetLoader;
import ffcnn.reproduce.PublishedRow;
import ffcnn.reproduce.PublishedRows;
import ffcnn.sweep.Manifest;
import ffcnn.sweep.SweepEntry;
import ffcnn.sweep.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ffcnn reproduce}: the list, rows that cannot run, and the report of rows run so far. */
class ReproduceCommandTest extends CommandLineTest {

    @Test
    void listShowsEveryRowWithItsPresetOrNotBuilt(@TempDir Path dir) {
        assertThat(run("reproduce", "--list", "--calibration", dir.toString())).isZero();
        String text = out.toString();
        for (PublishedRow r : PublishedRows.all()) {
            assertThat(text).contains(r.id());
        }
        assertThat(text.lines().filter(l -> l.startsWith("cwcomp.fashion-mnist "))).singleElement()
                .satisfies(l -> assertThat(l).contains("92.31", "paper", "cwcomp-cnn", "20", "calibrate"));
        assertThat(text.lines().filter(l -> l.startsWith("asge.imagenet-top5 "))).singleElement()
                .satisfies(l -> assertThat(l).contains("75.23", "top-5", "not built"));
    }

    @Test
    void unknownOrUnbuiltRowsAreOneLineErrors() {
        assertThat(run("reproduce", "asge.imagenet-top1")).isEqualTo(2);
        assertOneErrorLine("asge.imagenet-top1", "not built");
        writers();
        assertThat(run("reproduce", "nope")).isEqualTo(2);
        assertOneErrorLine("unknown row 'nope'");
        writers();
        assertThat(run("reproduce")).isEqualTo(2);
        assertOneErrorLine("--list");
    }

    /** Writes finished runs of {@code row} with these accuracies into {@code dir/ROW} as {@code reproduce} would. */
    private static void finishedRuns(Path dir, PublishedRow row, double[] accuracies, double[] best) throws Exception {
        Path folder = dir.resolve(row.id());
        List<SweepEntry> entries = Manifest.expand(new SweepSpec(List.of(row.method()), List.of(row.dataset()),
                List.of(row.preset()), accuracies.length, List.of(), Map.of()));
        Manifest.create(folder, entries);
        for (SweepEntry e : entries) {
            Path run = Files.createDirectories(folder.resolve(e.dir()));
            Files.writeString(run.resolve("config.yaml"), PresetLoader.toYaml(
                    PresetLoader.load(e.method(), e.dataset(), e.preset(), e.overrides())));
            Files.writeString(run.resolve("summary.json"),
                    "{\"test_accuracy\": " + accuracies[e.index()] + ", \"best_test_accuracy\": " + best[e.index()]
                            + ", \"train_seconds\": 100}");
        }
    }

    @Test
    void aRowRunOverFinishedSeedsPrintsPublishedMeasuredAndGap(@TempDir Path dir) throws Exception {
        finishedRuns(dir, PublishedRows.get("cwcomp.mnist"), new double[] {0.9868}, new double[] {0.9872});
        assertThat(run("reproduce", "cwcomp.mnist", "--out", dir.toString(), "--quiet")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("finished run found, skipped");
        // one seed has no spread: "–", as in the report's table, never "NaN"
        assertThat(out.toString()).contains("cwcomp.mnist: published 99.42 %, measured 98.68 % (std –, 1 of 1 seeds),"
                + " gap -0.74 pp; best epoch 98.72 %, gap -0.70 pp").doesNotContain("NaN");
    }

    @Test
    void reportSetsMeasuredAgainstPublished(@TempDir Path dir) throws Exception {
        PublishedRow row = PublishedRows.get("cwcomp.fashion-mnist");
        finishedRuns(dir, row, new double[] {0.90, 0.92}, new double[] {0.91, 0.93});
        Files.createDirectories(dir.resolve("not-a-row"));
        assertThat(run("reproduce", "--report", dir.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("| cwcomp.fashion-mnist | 92.31 | 91.00 | 1.41 | 92.00 | 2/2 | -1.31 | -0.31 | 100 |")
                .doesNotContain("not-a-row");
        assertThat(Files.readAllLines(dir.resolve("reproduce.csv"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("cwcomp.fashion-mnist,92.31,,91.0,1.41").contains(",92.0"));
        assertThat(ImageIO.read(dir.resolve("reproduce.png").toFile())).isNotNull();
        writers();
        assertThat(run("reproduce", "--report", dir.resolve("missing").toString())).isEqualTo(2);
        assertOneErrorLine("no such folder");
    }
}
