package ffcnn.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options that choose and adjust a preset: dataset, preset, and the overrides ({@code --epochs},
 * {@code --set key=value}, ...) that {@link #overrides()} turns into {@code key.path=value} strings for
 * {@link ffcnn.method.PresetLoader#load}.
 */
public final class PresetOptions {

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "mnist, fashion-mnist, cifar10, cifar100, tiny-imagenet, imagenet, or folder:DIR"
                    + " (DIR/train/<class>/*, DIR/test/<class>/*). Default: ${DEFAULT-VALUE}.")
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
    List<String> sets = new ArrayList<>();

    /** Every override given, the named options first, then the {@code --set} ones in order. */
    List<String> overrides() {
        List<String> all = new ArrayList<>();
        add(all, "train.epochs", epochs);
        add(all, "train.batch_size", batchSize);
        add(all, "train.lr", lr);
        add(all, "train.seed", seed);
        add(all, "data.limit_train", limitTrain);
        add(all, "data.limit_valid", limitValid);
        add(all, "data.limit_test", limitTest);
        all.addAll(sets);
        return all;
    }

    private static void add(List<String> all, String key, Object value) {
        if (value != null) {
            all.add(key + "=" + value);
        }
    }
}
