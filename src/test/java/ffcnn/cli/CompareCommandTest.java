package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ffcnn compare} as a user types it: two methods on a small Fashion-MNIST slice, each trained in a child
 * JVM, then the same command again (both skipped), and the errors that stop it before anything runs.
 */
class CompareCommandTest extends CommandLineTest {

    private static final List<String> METHODS = List.of("caw-conv", "deeperforward");

    private int compare(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("compare", "--methods", String.join(",", METHODS),
                "--dataset", "fashion-mnist", "--preset", "quick", "--epochs", "1", "--limit-train", "256",
                "--limit-valid", "128", "--limit-test", "128", "--set", "model.width=0.2",
                "--threads", "2", "--quiet", "--out", dir.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void trainsEachMethodInItsOwnProcessThenSkipsFinishedRuns(@TempDir Path dir) throws Exception {
        assertThat(compare(dir)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("caw-conv: training into", "deeperforward: training into");
        assertThat(out.toString()).contains("caw-conv on fashion-mnist: test accuracy", "deeperforward on fashion-mnist");
        List<FileTime> times = new ArrayList<>();
        for (String m : METHODS) {
            assertThat(dir.resolve(m).resolve("summary.json")).isRegularFile();
            times.add(Files.getLastModifiedTime(dir.resolve(m).resolve("summary.json")));
        }
        assertTable(dir);

        writers();
        assertThat(compare(dir)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("caw-conv: finished run found, skipped",
                "deeperforward: finished run found, skipped").doesNotContain("training into");
        for (int i = 0; i < METHODS.size(); i++) {
            assertThat(Files.getLastModifiedTime(dir.resolve(METHODS.get(i)).resolve("summary.json")))
                    .isEqualTo(times.get(i));
        }
        assertTable(dir);

        writers();
        assertThat(compare(dir, "--set", "train.seed=7")).isEqualTo(2);
        assertOneErrorLine(dir.resolve("caw-conv").toString(), "another --out");
    }

    private void assertTable(Path dir) throws Exception {
        String md = Files.readString(dir.resolve("comparison.md"));
        assertThat(out.toString()).contains(md);
        assertThat(md.lines().filter(l -> l.startsWith("| caw-conv | tiny-cnn | 1 | "))).as(md).hasSize(1);
        assertThat(md.lines().filter(l -> l.startsWith("| deeperforward | tiny-cnn | 1 | "))).as(md).hasSize(1);
        assertThat(md).contains("ffcnn compare --methods caw-conv,deeperforward --dataset fashion-mnist");
        assertThat(Files.readAllLines(dir.resolve("comparison.csv"))).hasSize(3);
        assertThat(ImageIO.read(dir.resolve("comparison.png").toFile())).isNotNull();
    }

    @Test
    void unknownMethodBadKeyAndRepeatsStopBeforeAnyRun(@TempDir Path dir) throws Exception {
        assertThat(run("compare", "--methods", "caw-conv,nope", "--out", dir.toString())).isEqualTo(2);
        assertOneErrorLine("unknown method 'nope'");
        writers();
        assertThat(run("compare", "--methods", "caw-conv,deeperforward", "--set", "train.epoch=3",
                "--out", dir.toString())).isEqualTo(2);
        assertOneErrorLine("unknown preset key 'train.epoch'");
        writers();
        assertThat(run("compare", "--methods", "deeperforward,deeperforward", "--out", dir.toString())).isEqualTo(2);
        assertOneErrorLine("'deeperforward' is listed twice");
        writers();
        assertThat(run("compare", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--methods");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void helpNamesTheOptions() {
        assertThat(run("compare", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: ffcnn compare", "--methods", "--preset", "--set", "--out");
        writers();
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("compare");
    }
}
