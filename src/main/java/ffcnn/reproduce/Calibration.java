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
 * Time estimates: a row's preset trained for two epochs of {@value #BATCHES} batches (at least {@value #MIN_IMAGES}
 * images; a one-entry sweep in {@code <calibration>/<method>.<dataset>.<preset>}) and scored on {@value #SCORED}
 * validation and {@value #SCORED} test images after the second. The second epoch's speed (the first one pays the
 * engine's warm-up) gives the estimate: epochs x training images / images/s, plus the scored epochs
 * ({@code train.eval_every}) x (validation + test images) x the seconds it took to score one image. Scoring is
 * counted because it can rival training: Forward-Forward asks the network about every label of each scored image.
 * Fewer batches measure mostly the warm-up: two epochs of four batches of CaFo's MNIST preset gave 350-874
 * images/s where the whole run trained at 1,023.
 */
public final class Calibration {

    /** Batches per epoch of a calibration run. */
    public static final int BATCHES = 8;

    /** Training images of a calibration run at the least. */
    public static final int MIN_IMAGES = 512;

    /** Validation and test images scored in a calibration run, each. */
    public static final int SCORED = 64;

    /** What a calibration measured: training images/s and seconds to score one image (0 if not scored). */
    public record Speed(double imagesPerSecond, double scoreSecondsPerImage) {
    }

    /** Official test set sizes (Tiny-ImageNet's and ImageNet's validation sets, which serve as their test sets). */
    private static final Map<String, Integer> TEST_SIZES = Map.of("mnist", 10_000, "fashion-mnist", 10_000,
            "cifar10", 10_000, "cifar100", 10_000, "tiny-imagenet", 10_000, "imagenet", 50_000);

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
        grid.put("train.epochs", List.of("2"));
        grid.put("data.limit_train", List.of(String.valueOf(images(row))));
        grid.put("data.limit_valid", List.of(String.valueOf(SCORED)));
        grid.put("data.limit_test", List.of(String.valueOf(SCORED)));
        return new SweepSpec(List.of(row.method()), List.of(row.dataset()), List.of(row.preset()), 1, List.of(), grid);
    }

    /** Training images of {@code row}'s calibration run: {@value #BATCHES} batches of its preset, or more. */
    public static int images(PublishedRow row) {
        RunConfig config = PresetLoader.load(row.method(), row.dataset(), row.preset(), List.of());
        return Math.max(MIN_IMAGES, BATCHES * config.train().batchSize());
    }

    /** The measured speed (second epoch), or null when the row is not calibrated. */
    public static Speed speed(Path calibrationDir, PublishedRow row) {
        Path runs = folder(calibrationDir, row).resolve("runs");
        if (!Files.isDirectory(runs)) {
            return null;
        }
        try (var dirs = Files.list(runs)) {
            Path run = dirs.filter(d -> Files.isRegularFile(d.resolve("summary.json"))).findFirst().orElse(null);
            if (run == null) {
                return null;
            }
            List<String> epochs = Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                    .filter(l -> !l.isBlank()).toList();
            JsonNode last = JsonFiles.mapper().readTree(epochs.get(epochs.size() - 1));
            double speed = last.path("images_per_second").asDouble(Double.NaN);
            double scoring = last.path("eval_seconds").asDouble(0) / (2 * SCORED);
            return speed > 0 ? new Speed(speed, scoring) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Training images per epoch of the row's preset. */
    public static int trainImages(RunConfig config) {
        if (config.data().limitTrain() > 0) {
            return config.data().limitTrain();
        }
        return TRAIN_SIZES.getOrDefault(config.data().dataset(), 0) - validSplit(config);
    }

    /** Images the preset holds out of the official training set for validation. */
    private static int validSplit(RunConfig config) {
        return config.data().validSize() >= 0 ? config.data().validSize()
                : KnownDataset.byId(config.data().dataset()).defaultValidSize();
    }

    /** Validation plus test images of one scored epoch of the row's preset. */
    public static int scoredImages(RunConfig config) {
        int valid = validSplit(config);
        if (config.data().limitValid() > 0) {
            valid = Math.min(valid, config.data().limitValid());
        }
        int test = config.data().limitTest() > 0 ? config.data().limitTest()
                : TEST_SIZES.getOrDefault(config.data().dataset(), 0);
        return valid + test;
    }

    /** The estimated seconds of one seed of the row's preset at {@code speed}: training and scoring. */
    public static double estimateSeconds(PublishedRow row, Speed speed) {
        RunConfig config = PresetLoader.load(row.method(), row.dataset(), row.preset(), List.of());
        int epochs = config.train().epochs();
        long scored = java.util.stream.IntStream.range(0, epochs).filter(config.train()::evaluates).count();
        return (double) epochs * trainImages(config) / speed.imagesPerSecond()
                + scored * scoredImages(config) * speed.scoreSecondsPerImage();
    }
}
