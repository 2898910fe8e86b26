package ffcnn.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import ffcnn.data.KnownDataset;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.report.JsonFiles;
import ffcnn.sweep.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time estimates: a row's preset trained for one epoch on {@value #IMAGES} images (a one-entry sweep in
 * {@code <calibration>/<method>.<dataset>.<preset>}) gives the training speed in images/s on this machine;
 * the estimate is epochs x training images / that speed (training only: evaluation and the first batches'
 * warm-up are not separated, so a short calibration errs towards more time).
 */
public final class Calibration {

    /** Training images of a calibration run. */
    public static final int IMAGES = 512;

    /** Official training set sizes (before a validation split is taken off). */
    private static final Map<String, Integer> TRAIN_SIZES = Map.of("mnist", 60_000, "fashion-mnist", 60_000,
            "cifar10", 50_000, "cifar100", 50_000, "tiny-imagenet", 100_000, "imagenet", 1_281_167);

    private Calibration() {
    }

    /** The sweep folder of {@code row}'s calibration. */
    public static Path folder(Path calibrationDir, PublishedRow row) {
        return calibrationDir.resolve(row.method() + "." + row.dataset() + "." + row.preset());
    }

    /** The one-entry sweep that calibrates {@code row}. */
    public static SweepSpec spec(PublishedRow row) {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("train.epochs", List.of("1"));
        grid.put("data.limit_train", List.of(String.valueOf(IMAGES)));
        grid.put("data.limit_valid", List.of("64"));
        grid.put("data.limit_test", List.of("64"));
        return new SweepSpec(List.of(row.method()), List.of(row.dataset()), List.of(row.preset()), 1, List.of(), grid);
    }

    /** The measured speed in images/s, or null when the row is not calibrated. */
    public static Double imagesPerSecond(Path calibrationDir, PublishedRow row) {
        Path runs = folder(calibrationDir, row).resolve("runs");
        if (!Files.isDirectory(runs)) {
            return null;
        }
        try (var dirs = Files.list(runs)) {
            return dirs.map(d -> d.resolve("summary.json")).filter(Files::isRegularFile).findFirst()
                    .map(f -> JsonFiles.read(f, JsonNode.class).path("train_images_per_second"))
                    .filter(JsonNode::isNumber).map(JsonNode::asDouble).orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Training images per epoch of the row's preset. */
    public static int trainImages(RunConfig config) {
        if (config.data().limitTrain() > 0) {
            return config.data().limitTrain();
        }
        String dataset = config.data().dataset();
        int valid = config.data().validSize() >= 0 ? config.data().validSize()
                : KnownDataset.byId(dataset).defaultValidSize();
        return TRAIN_SIZES.getOrDefault(dataset, 0) - valid;
    }

    /** The estimated training seconds of the row's preset at {@code imagesPerSecond}. */
    public static double estimateSeconds(PublishedRow row, double imagesPerSecond) {
        RunConfig config = PresetLoader.load(row.method(), row.dataset(), row.preset(), List.of());
        return (double) config.train().epochs() * trainImages(config) / imagesPerSecond;
    }
}
