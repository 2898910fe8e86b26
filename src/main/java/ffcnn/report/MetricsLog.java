package ffcnn.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import ffcnn.UserInputException;
import ffcnn.io.AtomicFiles;
import ffcnn.train.EpochMetrics;
import ffcnn.train.LayerMetrics;
import ffcnn.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code metrics.jsonl} and {@code metrics.csv} in the run folder. Both files are rewritten
 * atomically from the whole {@code history} at every epoch end, so a resumed run ends with the same
 * files as an uninterrupted one.
 *
 * <p><b>metrics.jsonl</b>: one line per epoch, the {@link EpochMetrics} record with snake_case keys
 * (see {@link JsonFiles}; NaN is the string {@code "NaN"}):
 * <pre>{@code
 * {"epoch":0,"learning_rate":0.001,"train_seconds":12.5,"eval_seconds":1.5,"images_per_second":4800.0,
 *  "valid_accuracy":{"softmax":0.91},"test_accuracy":{"softmax":0.90},
 *  "layers":[{"layer":0,"loss":0.7,"ce":0.6,"train_accuracy":0.8,"valid_accuracy":0.85,
 *             "test_accuracy":0.84,"extras":{"temperature":1.2,"entropy":0.4}}, ...]}
 * }</pre>
 * Epoch-level figures (learning rate, seconds, accuracy per prediction strategy) sit on the epoch;
 * per-layer figures (loss, accuracies, objective extras) in {@code layers[i]}. {@link #read} turns the
 * file back into records.
 *
 * <p><b>metrics.csv</b>: the same content flattened, one row per (epoch, layer), epoch-level columns
 * repeated on each layer's row (an epoch without layers has one row with an empty {@code layer}).
 * Columns: {@code epoch, layer, learning_rate, train_seconds, eval_seconds, images_per_second},
 * {@code valid_accuracy_<strategy>} and {@code test_accuracy_<strategy>} for every strategy seen,
 * {@code loss, ce, train_accuracy, valid_accuracy, test_accuracy} (the layer's), then one column per
 * extras key seen in any epoch, in first-seen order. Strategy and extras names are turned into
 * snake_case; an extras key that clashes with a fixed column gets the prefix {@code extra_}. A value
 * absent in a row is an empty cell; NaN is {@code NaN}.
 */
public final class MetricsLog implements TrainingListener {

    /** File name of the JSONL log. */
    public static final String JSONL = "metrics.jsonl";
    /** File name of the CSV log. */
    public static final String CSV = "metrics.csv";

    private static final List<String> EPOCH_COLUMNS =
            List.of("epoch", "layer", "learning_rate", "train_seconds", "eval_seconds", "images_per_second");
    private static final List<String> LAYER_COLUMNS =
            List.of("loss", "ce", "train_accuracy", "valid_accuracy", "test_accuracy");

    private final Path runDir;

    /** A log that writes into {@code runDir}. */
    public MetricsLog(Path runDir) {
        this.runDir = runDir;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, List<EpochMetrics> history) {
        write(history, runDir);
    }

    /** Rewrites both files in {@code runDir} from {@code history}. */
    public static void write(List<EpochMetrics> history, Path runDir) {
        StringBuilder jsonl = new StringBuilder();
        for (EpochMetrics epoch : history) {
            jsonl.append(JsonFiles.line(epoch)).append('\n');
        }
        AtomicFiles.writeString(runDir.resolve(JSONL), jsonl.toString());
        AtomicFiles.writeString(runDir.resolve(CSV), csv(history));
    }

    /**
     * Reads {@code runDir/metrics.jsonl} back; an empty list when the file does not exist.
     *
     * @throws UserInputException when a line is not an epoch record
     */
    public static List<EpochMetrics> read(Path runDir) {
        Path file = runDir.resolve(JSONL);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<EpochMetrics> history = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                history.add(JsonFiles.lineMapper().readValue(lines.get(i), EpochMetrics.class));
            } catch (JsonProcessingException e) {
                throw new UserInputException(file + ": line " + (i + 1) + ": " + e.getOriginalMessage(), e);
            }
        }
        return List.copyOf(history);
    }

    /** {@code history} as CSV text, header first. */
    static String csv(List<EpochMetrics> history) {
        Set<String> strategies = new LinkedHashSet<>();
        Set<String> extras = new LinkedHashSet<>();
        for (EpochMetrics e : history) {
            strategies.addAll(e.validAccuracy().keySet());
            strategies.addAll(e.testAccuracy().keySet());
            e.layers().forEach(l -> extras.addAll(l.extras().keySet()));
        }
        List<String> header = new ArrayList<>(EPOCH_COLUMNS);
        strategies.forEach(s -> header.add("valid_accuracy_" + snakeCase(s)));
        strategies.forEach(s -> header.add("test_accuracy_" + snakeCase(s)));
        header.addAll(LAYER_COLUMNS);
        for (String key : extras) {
            String name = snakeCase(key);
            header.add(header.contains(name) ? "extra_" + name : name);
        }
        StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
        for (EpochMetrics e : history) {
            List<LayerMetrics> layers = e.layers().isEmpty() ? Collections.singletonList(null) : e.layers();
            for (LayerMetrics layer : layers) {
                out.append(String.join(",", row(e, layer, strategies, extras))).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> row(EpochMetrics e, LayerMetrics l, Set<String> strategies, Set<String> extras) {
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(e.epoch()));
        cells.add(l == null ? "" : Integer.toString(l.layer()));
        cells.add(number(e.learningRate()));
        cells.add(number(e.trainSeconds()));
        cells.add(number(e.evalSeconds()));
        cells.add(number(e.imagesPerSecond()));
        strategies.forEach(s -> cells.add(cell(e.validAccuracy(), s)));
        strategies.forEach(s -> cells.add(cell(e.testAccuracy(), s)));
        if (l == null) {
            LAYER_COLUMNS.forEach(c -> cells.add(""));
            extras.forEach(k -> cells.add(""));
            return cells;
        }
        cells.add(number(l.loss()));
        cells.add(number(l.ce()));
        cells.add(number(l.trainAccuracy()));
        cells.add(number(l.validAccuracy()));
        cells.add(number(l.testAccuracy()));
        extras.forEach(k -> cells.add(cell(l.extras(), k)));
        return cells;
    }

    private static String cell(Map<String, Double> values, String key) {
        Double v = values.get(key);
        return v == null ? "" : number(v);
    }

    private static String number(double v) {
        return Double.toString(v);
    }

    /** {@code name} in snake_case: lower case, camel humps and non-alphanumerics become {@code _}. */
    static String snakeCase(String name) {
        String s = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        s = s.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "unnamed" : s;
    }
}
