package ffcnn.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One method's figures in a comparison, read field by field from its run's {@code summary.json}, so that
 * a summary with fewer or more fields reads too. A missing figure (absent, {@code null}, NaN, or a
 * negative size such as {@code peak_rss_bytes: -1} where it could not be measured) is {@code null}.
 *
 * @param method            the method ({@code method}; else the run folder's name)
 * @param arch              architecture ({@code arch})
 * @param epochs            epochs trained ({@code epochs})
 * @param testAccuracy      final test accuracy with the default strategy, a fraction ({@code test_accuracy})
 * @param strategy          the default prediction strategy ({@code strategy})
 * @param bestLayerAccuracy the best single layer's test accuracy ({@code per_layer_test_accuracy})
 * @param bestLayer         that layer, 0 for the first
 * @param trainSeconds      training time ({@code train_seconds})
 * @param imagesPerSecond   training speed ({@code train_images_per_second})
 * @param peakRssBytes      peak resident set of the training process ({@code peak_rss_bytes})
 * @param peakHeapBytes     peak Java heap ({@code peak_heap_bytes})
 * @param peakStepBytes     largest activation footprint of one training step ({@code peak_step_bytes})
 * @param parameters        trainable parameters ({@code parameters})
 */
public record ComparisonRow(String method, String arch, Integer epochs, Double testAccuracy, String strategy,
        Double bestLayerAccuracy, Integer bestLayer, Double trainSeconds, Double imagesPerSecond, Long peakRssBytes,
        Long peakHeapBytes, Long peakStepBytes, Long parameters) {

    /** Reads {@code runDir/summary.json}; a missing or broken file is a user error naming it. */
    public static ComparisonRow read(Path runDir) {
        return of(JsonFiles.read(runDir.resolve("summary.json"), JsonNode.class), runDir.getFileName().toString());
    }

    /** The row of a parsed summary; {@code folderName} stands in for a missing method name. */
    static ComparisonRow of(JsonNode s, String folderName) {
        String method = text(s, "method");
        Integer bestLayer = bestLayer(s.path("per_layer_test_accuracy"));
        Double bestLayerAccuracy = bestLayer == null ? null : number(s.path("per_layer_test_accuracy").get(bestLayer));
        Long epochs = count(s.path("epochs"));
        return new ComparisonRow(method != null ? method : folderName, text(s, "arch"),
                epochs == null ? null : epochs.intValue(), number(s.path("test_accuracy")), text(s, "strategy"),
                bestLayerAccuracy, bestLayer, number(s.path("train_seconds")),
                number(s.path("train_images_per_second")), count(s.path("peak_rss_bytes")),
                count(s.path("peak_heap_bytes")), count(s.path("peak_step_bytes")), count(s.path("parameters")));
    }

    /** Index of the largest finite value of an array, or null. */
    private static Integer bestLayer(JsonNode layers) {
        Integer best = null;
        for (int i = 0; i < layers.size(); i++) {
            Double v = number(layers.get(i));
            if (v != null && (best == null || v > number(layers.get(best)))) {
                best = i;
            }
        }
        return best;
    }

    private static String text(JsonNode s, String key) {
        JsonNode v = s.path(key);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /** A finite number (JsonFiles writes NaN as the string "NaN"), or null. */
    private static Double number(JsonNode v) {
        double d = v.isNumber() ? v.doubleValue() : v.isTextual() ? parse(v.asText()) : Double.NaN;
        return Double.isFinite(d) ? d : null;
    }

    /** A whole number >= 0, or null. */
    private static Long count(JsonNode v) {
        Double d = number(v);
        return d == null || d < 0 ? null : d.longValue();
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
