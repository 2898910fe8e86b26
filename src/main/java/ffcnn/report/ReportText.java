package ffcnn.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of report.html: summary.json's keys and values as people read them, and chart captions. */
final class ReportText {

    private static final Pattern LAYER_MAP = Pattern.compile("([a-z_]+)_layer(\\d+)\\.png");
    private static final Map<String, String> CAPTIONS = Map.of(
            "accuracy.png", "Validation and test accuracy per epoch",
            "layer_accuracy.png", "Test accuracy of each layer per epoch",
            "loss.png", "Training loss of each layer per epoch",
            "temperature.png", "Temperature of each layer per epoch",
            "entropy.png", "Assignment entropy of each layer per epoch",
            "orthogonality.png", "Assignment orthogonality of each layer per epoch");

    private ReportText() {
    }

    /** {@code train_seconds} as {@code train time}, {@code peak_rss_bytes} as {@code peak RSS}, ... */
    static String label(String key) {
        String k = key.replace("_seconds", "_time").replace("_bytes", "").replace("_per_second", " per second")
                .replace("rss", "RSS");
        return k.replace('_', ' ');
    }

    /** A summary value: durations, sizes, accuracies and counts formatted; other values as they are. */
    static String value(String key, JsonNode v) {
        if (!v.isNumber()) {
            return v.asText();
        }
        double d = v.asDouble();
        if (key.endsWith("_seconds")) {
            return Formats.duration(d);
        }
        if (key.endsWith("_bytes")) {
            return Formats.bytes(v.asLong());
        }
        if (key.contains("accuracy")) {
            return Formats.percent(d);
        }
        if (key.endsWith("_per_second")) {
            return String.format(Locale.ROOT, "%,.1f", d);
        }
        return v.isIntegralNumber() ? Formats.count(v.asLong()) : String.format(Locale.ROOT, "%.4g", d);
    }

    /** What a chart file shows, e.g. {@code Layer 2: assignment of channels to classes}. */
    static String caption(String png) {
        String known = CAPTIONS.get(png);
        if (known != null) {
            return known;
        }
        Matcher m = LAYER_MAP.matcher(png);
        if (m.matches()) {
            String what = m.group(1).equals("assignment") ? "assignment of channels to classes"
                    : m.group(1).replace('_', ' ');
            return "Layer " + m.group(2) + ": " + what;
        }
        String base = png.replaceFirst("\\.png$", "").replace('_', ' ');
        return base.isEmpty() ? png : Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }
}
