package ffcnn.cli;

import ffcnn.method.Comparison;
import ffcnn.method.TrainingProcess;
import ffcnn.report.ComparisonTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter stdout) {
        PrintWriter stderr = spec.commandLine().getErr();
        Comparison comparison = Comparison.plan(methods, presetOptions.dataset, presetOptions.preset,
                presetOptions.overrides(), out);
        int threads = engine.threads != null ? engine.threads : Runtime.getRuntime().availableProcessors();
        boolean terminal = System.console() != null;
        TrainingProcess process = new TrainingProcess(dataOption.dataDir, threads, engine.device, engine.quiet,
                terminal ? null : stdout, terminal ? null : stderr);
        String commandLine = commandLine();
        stdout.flush();
        ComparisonTable table = comparison.run(process, line -> {
            stderr.println(line);
            stderr.flush();
        }, commandLine);
        stdout.print(table.markdown(commandLine, presetOptions.dataset, presetOptions.preset));
        return 0;
    }

    /** This command as typed, for the record under the table. */
    private String commandLine() {
        return spec.commandLine().getParseResult().originalArgs().stream()
                .map(a -> a.isEmpty() || a.matches(".*[\\s'\"$\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
                .collect(Collectors.joining(" ", "ffcnn ", ""));
    }
}
