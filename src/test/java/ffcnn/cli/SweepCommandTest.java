package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ffcnn sweep} as a user types it: bad input, the emitted job arrays, and two tiny runs for real. */
class SweepCommandTest extends CommandLineTest {

    private static final String TINY = """
            methods: [deeperforward]
            seeds: 2
            set: {model.width: 0.2}
            limits: {epochs: 2, train: 128, valid: 32, test: 32}
            """;

    private static Path spec(Path dir, String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "spec", ".yaml"), text);
    }

    @Test
    void aKilledRunIsRecordedTheOthersGoOnAndTheNextSweepResumesIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        String[] args = {"sweep", spec(dir, TINY).toString(), "--out", out.toString(), "--parallel", "1",
            "--threads", "2", "--quiet"};
        Path first = out.resolve("runs/0000-deeperforward-fashion-mnist-quick-seed2222");
        Thread killer = new Thread(() -> killAfterFirstEpoch(first));
        killer.start();
        assertThat(run(args)).as(err.toString()).isEqualTo(1);
        killer.join();
        assertThat(err.toString()).contains("#0 deeperforward fashion-mnist quick seed 2222: training into",
                "#0 deeperforward fashion-mnist quick seed 2222: failed (exit status", "#1 ", "finished in",
                "1 of 2 runs failed");
        assertThat(Files.readString(out.resolve("results/0000.json"))).contains("\"status\" : \"failed\"");
        assertThat(Files.readString(out.resolve("sweep.md"))).contains("| deeperforward fashion-mnist quick | 1/2 | 1 |");
        Path second = out.resolve("runs/0001-deeperforward-fashion-mnist-quick-seed2223/summary.json");
        FileTime kept = Files.getLastModifiedTime(second);

        writers();
        assertThat(run(args)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("#0 deeperforward fashion-mnist quick seed 2222: resuming in",
                "#1 deeperforward fashion-mnist quick seed 2223: finished run found, skipped");
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(kept);
        assertThat(Files.readAllLines(first.resolve("metrics.jsonl"))).hasSize(2);
        assertThat(Files.readString(out.resolve("sweep.md"))).contains("| deeperforward fashion-mnist quick | 2/2 | 0 |");
        assertThat(ImageIO.read(out.resolve("sweep.png").toFile())).isNotNull();

        writers();
        assertThat(run("sweep", "collect", out.toString())).isZero();
        assertThat(this.out.toString()).contains("| deeperforward fashion-mnist quick | 2/2 | 0 |",
                "Every run: train.epochs=2");
    }

    /** Stops this test's training process once the run in {@code runDir} has checkpointed its first epoch. */
    private static void killAfterFirstEpoch(Path runDir) {
        Path metrics = runDir.resolve("metrics.jsonl");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (Files.isRegularFile(runDir.resolve("checkpoint.ffcnn")) && Files.isRegularFile(metrics)
                        && Files.readAllLines(metrics).size() == 1) {
                    ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
                    return;
                }
                Thread.sleep(20);
            } catch (Exception e) {
                // the files are being written; look again
            }
        }
    }

    @Test
    void badInputIsOneLineAndExitStatus2(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        assertThat(run("sweep", spec(dir, "methods: [cwcomp]\ngrid: {a: 1}\n").toString(), "--out", out.toString()))
                .isEqualTo(2);
        assertOneErrorLine(".yaml: unknown key 'grid'");
        writers();
        assertThat(run("sweep", spec(dir, "methods: [cwcomp, nope]\n").toString(), "--out", out.toString()))
                .isEqualTo(2);
        assertOneErrorLine("unknown method 'nope'");
        assertThat(out).doesNotExist();

        writers();
        Path specFile = spec(dir, "methods: [cwcomp]\nseeds: 2\n");
        assertThat(run("sweep", specFile.toString(), "--out", out.toString(), "--emit", "slurm")).isZero();
        assertThat(this.out.toString()).contains("#SBATCH --array=0-1", "--index \"$SLURM_ARRAY_TASK_ID\"");
        writers();
        assertThat(run("sweep", "run", out.resolve("manifest.jsonl").toString(), "--index", "2")).isEqualTo(2);
        assertOneErrorLine("--index 2 is out of range", "2 entries (0-1)");

        writers();
        assertThat(run("sweep", spec(dir, "methods: [cwcomp]\nseeds: [5, 6]\n").toString(), "--out",
                out.toString(), "--emit", "kubernetes")).isEqualTo(2);
        assertOneErrorLine("holds another sweep");

        Path manifest = out.resolve("manifest.jsonl");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"seed\":\\d+", "\"seed\":99"));
        writers();
        assertThat(run("sweep", "run", manifest.toString(), "--index", "0")).isEqualTo(2);
        assertOneErrorLine("line 1 was edited");
        writers();
        assertThat(run("sweep", "collect", out.toString())).isEqualTo(2);
        assertOneErrorLine("line 1 was edited");
        writers();
        assertThat(run("sweep", specFile.toString(), "--out", dir.resolve("k").toString(), "--emit", "kubernetes"))
                .isZero();
        assertThat(this.out.toString()).contains("completionMode: Indexed", "completions: 2", "JOB_COMPLETION_INDEX");
        writers();
        assertThat(run("sweep", "--out", out.toString())).isEqualTo(2);
        assertOneErrorLine("SPEC.yaml");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String[] args : List.of(new String[] {"sweep", "--help"}, new String[] {"sweep", "run", "--help"},
                new String[] {"sweep", "collect", "--help"}, new String[] {"reproduce", "--help"})) {
            writers();
            assertThat(run(args)).isZero();
            assertThat(out.toString()).contains("Usage: ffcnn " + args[0]);
        }
        writers();
        run("sweep", "--help");
        assertThat(out.toString()).contains("--parallel", "--emit", "--quiet", "run", "collect");
        writers();
        run("compare", "--help");
        assertThat(out.toString()).contains("--seeds");
    }
}
