package ffcnn.cli;

import ffcnn.UserInputException;
import ffcnn.method.TrainingProcess;
import ffcnn.sweep.EntryResult;
import ffcnn.sweep.Manifest;
import ffcnn.sweep.SchedulerScripts;
import ffcnn.sweep.SweepEntry;
import ffcnn.sweep.SweepRunner;
import ffcnn.sweep.SweepSpec;
import ffcnn.sweep.SweepTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ffcnn sweep}: many runs from a spec, locally or as a cluster's job array. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        subcommands = {SweepRunCommand.class, SweepCollectCommand.class},
        description = {"Expand SPEC.yaml (methods, datasets, presets, seeds, set: keys whose lists make a grid,"
                + " limits) into <out>/manifest.jsonl and run every entry, --parallel child JVMs at a time; then"
                + " write sweep.md, sweep.csv and sweep.png (mean and std over seeds per setting) to <out>.",
            "Finished runs are skipped, interrupted ones resumed, failures recorded while the others go on.",
            "With --emit slurm|kubernetes, write the manifest and print a job array that runs"
                + " `ffcnn sweep run <manifest> --index I` per entry; `ffcnn sweep collect <out>` makes the table."})
public final class SweepCommand extends EngineCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC.yaml", description = "The sweep spec.")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep folder (shared by every task on a cluster).")
    Path out;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Training processes at a time (default: half the cores, at least 1).")
    Integer parallel;

    @Option(names = "--emit", paramLabel = "ENGINE", description = "Print a job array for slurm or kubernetes"
            + " instead of running.")
    String emit;

    @Option(names = "--ffcnn", paramLabel = "CMD", defaultValue = "ffcnn",
            description = "With --emit: the command that runs ffcnn on the nodes. Default: ${DEFAULT-VALUE}.")
    String ffcnn;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "ffcnn:latest",
            description = "With --emit kubernetes: the container image. Default: ${DEFAULT-VALUE}.")
    String image;

    @Option(names = "--volume-claim", paramLabel = "NAME", defaultValue = "ffcnn-sweeps",
            description = "With --emit kubernetes: the PersistentVolumeClaim holding <out>. Default: ${DEFAULT-VALUE}.")
    String claim;

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter stdout) {
        if (specFile == null || out == null) {
            throw new UserInputException("sweep needs SPEC.yaml and --out DIR (see 'ffcnn sweep --help')");
        }
        if (emit != null && !emit.equals("slurm") && !emit.equals("kubernetes")) {
            throw new UserInputException("--emit " + emit + ": known engines are slurm and kubernetes");
        }
        List<SweepEntry> entries = Manifest.expand(SweepSpec.read(specFile));
        Path manifest = Manifest.create(out, entries).toAbsolutePath().normalize();
        int cores = Runtime.getRuntime().availableProcessors();
        if (emit != null) {
            createLogs(manifest.getParent().resolve("logs")); // Slurm opens its task logs there
            int threads = engine.threads != null ? engine.threads : cores;
            SchedulerScripts scripts = new SchedulerScripts(manifest, entries.size(), threads, ffcnn,
                    dataOption.dataDir == null ? null : dataOption.dataDir.toAbsolutePath());
            stdout.print(emit.equals("slurm") ? scripts.slurm() : scripts.kubernetes(image, claim));
            return 0;
        }
        int processes = Math.min(entries.size(), parallel != null ? parallel : TrainingProcess.share(cores, 2));
        int threads = engine.threads != null ? engine.threads : TrainingProcess.share(cores, Math.max(1, processes));
        return runAndCollect(spec.commandLine().getErr(), stdout, out, entries,
                new SweepRunner(out, dataOption.dataDir, processes, threads, engine.device, engine.quiet, line -> progress(line)),
                TypedCommand.of(spec));
    }

    /** Runs the entries, writes and prints the table; 1 when a run failed. */
    static int runAndCollect(PrintWriter stderr, PrintWriter stdout, Path out, List<SweepEntry> entries,
            SweepRunner runner, String commandLine) {
        List<EntryResult> results = runner.runAll(entries);
        stdout.print(SweepTable.collect(out, entries).write(out, commandLine));
        long failed = results.stream().filter(r -> r.status().equals(EntryResult.FAILED)).count();
        if (failed > 0) {
            stderr.println("ffcnn: " + failed + " of " + entries.size() + " runs failed (see " + out.resolve("results")
                    + " and " + out.resolve("logs") + ")");
            return 1;
        }
        return 0;
    }

    private static void createLogs(Path logs) {
        try {
            java.nio.file.Files.createDirectories(logs);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + logs + ": " + e.getMessage(), e);
        }
    }

    private synchronized void progress(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(line);
        err.flush();
    }
}
