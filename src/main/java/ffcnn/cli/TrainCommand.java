package ffcnn.cli;

import ffcnn.UserInputException;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.method.RunSummary;
import ffcnn.method.TrainingRun;
import ffcnn.report.ProgressBarListener;
import ffcnn.train.TrainingListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ffcnn train}: trains a method on a dataset from a preset into a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a method on a dataset; writes config, metrics, charts, summary and model to a run folder.")
public final class TrainCommand extends EngineCommand {

    @Option(names = "--method", defaultValue = "caw-conv", description = "Method (see `ffcnn methods`). Default: ${DEFAULT-VALUE}.")
    String method;

    @Mixin
    PresetOptions presetOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/<date>-<method>-<dataset>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its last checkpoint.")
    Path resume;

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter stdout) {
        List<TrainingListener> listeners = new ArrayList<>();
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        if (!engine.quiet) {
            listeners.add(new ProgressBarListener(err, System.console() != null));
        }
        RunSummary summary;
        Path dir;
        if (resume != null) {
            if (!presetOptions.overrides().isEmpty() || out != null) {
                throw new UserInputException("--resume continues " + resume + " exactly as configured there; "
                        + "drop --out, --set, --epochs and the other preset options");
            }
            dir = resume;
            summary = TrainingRun.resume(resume, dataOption.dataDir, listeners);
        } else {
            RunConfig config = PresetLoader.load(method, presetOptions.dataset, presetOptions.preset,
                    presetOptions.overrides());
            dir = out != null ? out : freshRunFolder(Path.of("runs", LocalDate.now() + "-" + method + "-"
                    + presetOptions.dataset));
            summary = TrainingRun.start(config, dir, dataOption.dataDir, listeners);
        }
        stdout.printf("%s on %s: test accuracy %.4f (%s), best %.4f, %d epochs, %.0f s training,"
                + " %.1f images/s; results in %s%n", summary.method(), summary.dataset(), summary.testAccuracy(),
                summary.strategy(), summary.bestTestAccuracy(), summary.epochs(), summary.trainSeconds(),
                summary.trainImagesPerSecond(), dir);
        return 0;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... when it is taken. */
    static Path freshRunFolder(Path base) {
        Path dir = base;
        for (int i = 2; java.nio.file.Files.exists(dir); i++) {
            dir = base.resolveSibling(base.getFileName() + "-" + i);
        }
        return dir;
    }
}
