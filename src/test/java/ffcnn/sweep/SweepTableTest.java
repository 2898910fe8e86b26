package ffcnn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table's mean and sample standard deviation over seeds, per setting, from the runs' summaries. */
class SweepTableTest {

    @Test
    void spreadIsMeanAndSampleStandardDeviation() {
        Spread s = Spread.of(List.of(90.0, 92.0, 94.0));
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.mean()).isCloseTo(92.0, within(1e-12));
        assertThat(s.std()).isCloseTo(2.0, within(1e-12));
        assertThat(s.min()).isEqualTo(90.0);
        assertThat(s.max()).isEqualTo(94.0);
        assertThat(Spread.of(List.of(80.0)).std()).isNaN();
        assertThat(Spread.of(List.of()).mean()).isNaN();
    }

    @Test
    void settingsAreAveragedOverTheirFinishedSeedsAndFailuresCounted(@TempDir Path dir) throws IOException {
        List<SweepEntry> entries = Manifest.expand(ManifestTest.spec(
                "methods: [cwcomp]\nseeds: [1, 2, 3]\nset: {model.width: [0.5, 1.0]}\n"));
        finish(dir, entries.get(0), 0.90);
        finish(dir, entries.get(1), 0.92);
        finish(dir, entries.get(2), 0.94);
        finish(dir, entries.get(3), 0.80);
        EntryResult.of(4, 1, "diverged", 3.0, 2).write(dir);

        SweepTable table = SweepTable.collect(dir, entries);
        assertThat(table.rows()).hasSize(2);
        SweepTable.Row a = table.rows().get(0);
        assertThat(a.setting()).isEqualTo("cwcomp fashion-mnist quick model.width=0.5");
        assertThat(a.finished()).isEqualTo(3);
        assertThat(a.accuracy().mean()).isCloseTo(92.0, within(1e-9));
        assertThat(a.accuracy().std()).isCloseTo(2.0, within(1e-9));
        assertThat(a.best().mean()).isCloseTo(93.0, within(1e-9));
        SweepTable.Row b = table.rows().get(1);
        assertThat(b.finished()).isEqualTo(1);
        assertThat(b.failed()).isEqualTo(1);
        assertThat(b.accuracy().mean()).isCloseTo(80.0, within(1e-9));
        assertThat(b.accuracy().std()).isNaN();

        String md = table.write(dir, "ffcnn sweep spec.yaml --out x");
        assertThat(md).contains("| cwcomp fashion-mnist quick model.width=0.5 | 3/3 | 0 | 92.00 | 2.00 | 90.00 | 94.00 | 93.00 |",
                "| cwcomp fashion-mnist quick model.width=1.0 | 1/3 | 1 | 80.00 | – |", "ffcnn sweep spec.yaml");
        assertThat(Files.readAllLines(dir.resolve(SweepTable.CSV))).hasSize(3)
                .anySatisfy(l -> assertThat(l).startsWith("cwcomp fashion-mnist quick model.width=0.5,3,3,0,92.0,2.0,"));
        assertThat(ImageIO.read(dir.resolve(SweepTable.PNG).toFile())).isNotNull();
        assertThat(EntryStatus.read(dir, entries.get(4)).status()).isEqualTo("failed: diverged");
        assertThat(EntryStatus.read(dir, entries.get(5)).status()).isEqualTo("not started");
    }

    private static void finish(Path dir, SweepEntry e, double accuracy) throws IOException {
        Path run = Files.createDirectories(dir.resolve(e.dir()));
        Files.writeString(run.resolve("summary.json"), "{\"test_accuracy\": " + accuracy + ", \"best_test_accuracy\": "
                + (accuracy + 0.01) + ", \"train_seconds\": 10}");
        EntryResult.of(e.index(), 0, "", 12.0, 2).write(dir);
    }
}
