package ffcnn.cli;

import ffcnn.method.Comparison;
import ffcnn.method.TrainingProcess;
import ffcnn.report.ComparisonTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import ffcnn.UserInputException;
import ffcnn.sweep.Manifest;
import ffcnn.sweep.SweepEntry;
import ffcnn.sweep.SweepRunner;
import ffcnn.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ffcnn compare}: several methods on one dataset with the same preset and budget, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Train several methods on one dataset with the same preset and overrides, each in its own"
                + " process into <out>/<method>, and write comparison.md, comparison.csv and comparison.png to <out>.",
            "Finished runs of the same configuration are skipped and interrupted ones resumed."})
public final class CompareCommand extends EngineCommand {

    @Option(names = "--methods", required = true, split = ",", paramLabel = "METHOD",
            description = "Methods to compare, comma-separated (see `ffcnn methods`).")
    List<String> methods = new ArrayList<>();

    @Mixin
    PresetOptions presetOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Comparison folder.")
    Path out;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Train each method with N seeds (from each preset's own) as a sweep in <out> and show"
                    + " the mean and spread over them (sweep.md, sweep.csv, sweep.png).")
    Integer seeds;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With --seeds: training processes at a time (default: half the cores, at least 1).")
    Integer parallel;

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter stdout) {
        PrintWriter stderr = spec.commandLine().getErr();
        if (seeds != null) {
            return withSeeds(stdout, stderr);
        }
        Comparison comparison = Comparison.plan(methods, presetOptions.dataset, presetOptions.preset,
                presetOptions.overrides(), out);
        int threads = engine.threads != null ? engine.threads : Runtime.getRuntime().availableProcessors();
        boolean terminal = System.console() != null;
        TrainingProcess process = new TrainingProcess(dataOption.dataDir, threads, engine.device, engine.quiet,
                terminal ? null : stdout, terminal ? null : stderr);
        String commandLine = TypedCommand.of(spec);
        stdout.flush();
        ComparisonTable table = comparison.run(process, line -> {
            stderr.println(line);
            stderr.flush();
        }, commandLine);
        stdout.print(table.markdown(commandLine, presetOptions.dataset, presetOptions.preset));
        return 0;
    }

    /** The methods x seeds as a sweep: the same runner, folders and table as {@code ffcnn sweep}. */
    private int withSeeds(PrintWriter stdout, PrintWriter stderr) {
        if (seeds < 1) {
            throw new UserInputException("--seeds must be >= 1, got " + seeds);
        }
        Map<String, List<String>> grid = new LinkedHashMap<>();
        for (String o : presetOptions.overrides()) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("override '" + o + "' is not key.path=value");
            }
            grid.put(o.substring(0, eq).trim(), List.of(o.substring(eq + 1)));
        }
        List<SweepEntry> entries = Manifest.expand(new SweepSpec(methods, List.of(presetOptions.dataset),
                List.of(presetOptions.preset), seeds, List.of(), grid));
        Manifest.create(out, entries);
        int cores = Runtime.getRuntime().availableProcessors();
        int processes = Math.min(entries.size(), parallel != null ? parallel : TrainingProcess.share(cores, 2));
        int threads = engine.threads != null ? engine.threads : TrainingProcess.share(cores, processes);
        SweepRunner runner = new SweepRunner(out, dataOption.dataDir, processes, threads, engine.device, engine.quiet, line -> {
            synchronized (stderr) {
                stderr.println(line);
                stderr.flush();
            }
        });
        return SweepCommand.runAndCollect(stderr, stdout, out, entries, runner, TypedCommand.of(spec));
    }
}
