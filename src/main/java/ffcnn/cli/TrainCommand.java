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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its last checkpoint; with --epochs N, train on to N epochs in all.")
    Path resume;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "30",
            description = "Without a terminal (output to a log), a progress line every SECONDS. Default: ${DEFAULT-VALUE}.")
    double progressEvery;

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter stdout) {
        if (!(progressEvery > 0) || !Double.isFinite(progressEvery)) {
            throw new UserInputException("--progress-every must be a number of seconds > 0, got " + progressEvery);
        }
        List<TrainingListener> listeners = new ArrayList<>();
        PrintWriter errWriter = spec.commandLine().getErr();
        PrintStream err = new PrintStream(new WriterOutputStream(errWriter), true);
        Consumer<String> notes = engine.quiet ? note -> { } : note -> {
            errWriter.println(note);
            errWriter.flush();
        };
        if (!engine.quiet) {
            listeners.add(new ProgressBarListener(err, System.console() != null,
                    Duration.ofMillis(Math.round(progressEvery * 1000))));
        }
        RunSummary summary;
        Path dir;
        if (resume != null) {
            dir = resume;
            summary = resume(listeners, notes);
        } else {
            RunConfig config = PresetLoader.load(method, presetOptions.dataset, presetOptions.preset,
                    presetOptions.overrides());
            dir = out != null ? out : freshRunFolder(Path.of("runs", LocalDate.now() + "-" + method + "-"
                    + folderName(presetOptions.dataset)));
            notes.accept("training " + method + " (preset " + presetOptions.preset + ") into " + dir);
            summary = TrainingRun.start(config, dir, dataOption.dataDir, listeners, notes);
        }
        stdout.printf("%s on %s: test accuracy %.4f (%s), best %.4f, %d epochs, %.0f s training,"
                + " %.1f images/s; results in %s%n", summary.method(), summary.dataset(), summary.testAccuracy(),
                summary.strategy(), summary.bestTestAccuracy(), summary.epochs(), summary.trainSeconds(),
                summary.trainImagesPerSecond(), dir);
        return 0;
    }

    private RunSummary resume(List<TrainingListener> listeners, Consumer<String> notes) {
        List<String> others = new ArrayList<>(presetOptions.overrides());
        others.remove("train.epochs=" + presetOptions.epochs);
        if (!others.isEmpty() || out != null) {
            throw new UserInputException("--resume continues " + resume + " as configured there; only "
                    + "--epochs (a new total) may change; drop --out, --set and the other preset options");
        }
        if (presetOptions.epochs != null && presetOptions.epochs < 1) {
            throw new UserInputException("--epochs must be >= 1, got " + presetOptions.epochs);
        }
        return TrainingRun.resume(resume, dataOption.dataDir, presetOptions.epochs == null ? 0 : presetOptions.epochs,
                listeners, notes);
    }

    /** A dataset id as part of a folder name: {@code folder:/data/flowers} becomes {@code folder-flowers}. */
    static String folderName(String dataset) {
        if (!dataset.startsWith("folder:")) {
            return dataset;
        }
        Path p = Path.of(dataset.substring("folder:".length())).normalize();
        String last = p.getFileName() == null ? "root" : p.getFileName().toString();
        return "folder-" + last.replaceAll("[^A-Za-z0-9._-]", "_");
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
