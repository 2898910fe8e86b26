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

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "mnist, fashion-mnist, cifar10, cifar100. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--preset", defaultValue = "quick",
            description = "paper (the papers' settings), quick (CPU-sized), tiny, vgg, x3, or a YAML file. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--epochs", description = "Override train.epochs.")
    Integer epochs;

    @Option(names = "--batch-size", description = "Override train.batch_size.")
    Integer batchSize;

    @Option(names = "--lr", description = "Override train.lr.")
    Double lr;

    @Option(names = "--seed", description = "Override train.seed.")
    Long seed;

    @Option(names = "--limit-train", paramLabel = "N", description = "Use the first N images of the training split.")
    Integer limitTrain;

    @Option(names = "--limit-valid", paramLabel = "N", description = "Use the first N images of the validation split.")
    Integer limitValid;

    @Option(names = "--limit-test", paramLabel = "N", description = "Use the first N images of the test set.")
    Integer limitTest;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any preset key, e.g. --set objective.entropy_weight=0.02.")
    List<String> overrides = new ArrayList<>();

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
            if (!allOverrides().isEmpty() || out != null) {
                throw new UserInputException("--resume continues " + resume + " exactly as configured there; "
                        + "drop --out, --set, --epochs and the other preset options");
            }
            dir = resume;
            summary = TrainingRun.resume(resume, dataOption.dataDir, listeners);
        } else {
            RunConfig config = PresetLoader.load(method, dataset, preset, allOverrides());
            dir = out != null ? out : freshRunFolder(Path.of("runs", LocalDate.now() + "-" + method + "-" + dataset));
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

    private List<String> allOverrides() {
        List<String> all = new ArrayList<>();
        add(all, "train.epochs", epochs);
        add(all, "train.batch_size", batchSize);
        add(all, "train.lr", lr);
        add(all, "train.seed", seed);
        add(all, "data.limit_train", limitTrain);
        add(all, "data.limit_valid", limitValid);
        add(all, "data.limit_test", limitTest);
        all.addAll(overrides);
        return all;
    }

    private static void add(List<String> all, String key, Object value) {
        if (value != null) {
            all.add(key + "=" + value);
        }
    }
}
