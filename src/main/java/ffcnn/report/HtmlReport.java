package ffcnn.report;

import com.fasterxml.jackson.databind.JsonNode;
import ffcnn.io.AtomicFiles;
import ffcnn.train.EpochMetrics;
import ffcnn.train.LayerMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@code report.html} into a run folder: one self-contained page (inline CSS, images by relative
 * link) with the top-level scalar fields of {@code summary.json}, its {@code per_layer_test_accuracy}
 * array as a per-layer table, the last epoch of {@code metrics.jsonl}, every {@code *.png} of the folder
 * (curves first, then other charts, then {@code assignment_layer*.png} as a grid in layer order) and
 * {@code config.yaml} verbatim. A missing or unreadable file leaves its section out or notes the problem;
 * it never fails the report. All text from files is HTML-escaped.
 */
public final class HtmlReport {

    /** File name of the report. */
    public static final String FILE = "report.html";

    private static final Pattern ASSIGNMENT = Pattern.compile("assignment_layer(\\d+).*\\.png");
    private static final Pattern CAM = Pattern.compile("cam_.*\\.png");
    private static final String CSS = "body{font-family:sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0 1.5em}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f0f0f0}"
            + "td.n{text-align:right;font-family:monospace}pre{background:#f6f6f6;padding:1em;overflow:auto}"
            + "img{max-width:100%;border:1px solid #ddd;margin:4px}"
            + ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:12px}"
            + "figure{margin:0}figcaption{font-size:0.9em;color:#444;text-align:center}"
            + ".note{color:#a00}";

    private HtmlReport() {
    }

    /** Writes {@code runDir/report.html} from whatever of the run's files exist. */
    public static void write(Path runDir) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">")
                .append("<title>ffcnn report: ").append(escape(name(runDir))).append("</title>\n<style>")
                .append(CSS).append("</style></head>\n<body>\n<h1>ffcnn run ")
                .append(escape(name(runDir))).append("</h1>\n");
        summary(html, runDir.resolve("summary.json"));
        finalEpoch(html, runDir);
        images(html, runDir);
        config(html, runDir.resolve("config.yaml"));
        html.append("</body>\n</html>\n");
        AtomicFiles.writeString(runDir.resolve(FILE), html.toString());
    }

    private static void summary(StringBuilder html, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonNode root;
        try {
            root = JsonFiles.mapper().readTree(file.toFile());
        } catch (IOException e) {
            note(html, "Summary", file, e);
            return;
        }
        html.append("<h2>Summary</h2>\n<table>\n");
        root.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                html.append("<tr><th>").append(escape(ReportText.label(f.getKey()))).append("</th><td>")
                        .append(escape(ReportText.value(f.getKey(), f.getValue()))).append("</td></tr>\n");
            }
        });
        html.append("</table>\n");
        JsonNode layers = root.path("per_layer_test_accuracy");
        if (layers.isArray()) {
            html.append("<h2>Per-layer test accuracy</h2>\n<table>\n<tr><th>layer</th><th>test accuracy</th></tr>\n");
            for (int i = 0; i < layers.size(); i++) {
                html.append("<tr><td>").append(i).append("</td><td class=\"n\">")
                        .append(escape(ReportText.value("test_accuracy", layers.get(i)))).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        strategies(html, root.path("strategies"));
    }

    /** The trade-off table of the prediction strategies (accuracy, extra parameters, inference memory). */
    private static void strategies(StringBuilder html, JsonNode rows) {
        if (!rows.isArray() || rows.isEmpty()) {
            return;
        }
        boolean top = rows.get(0).has("top5_accuracy");
        html.append("<h2>Prediction strategies</h2>\n<p class=\"note\">Parameters read beyond the layers' bodies"
                + " (trained, fixed); memory: the parameters read plus the most bytes one prediction pass over a batch"
                + " of ").append(rows.get(0).path("batch").asInt()).append(" images held at once.</p>\n<table>\n"
                + "<tr><th>strategy</th><th>test accuracy</th>").append(top ? "<th>top-5</th>" : "")
                .append("<th>trained extra</th><th>fixed extra</th><th>memory</th></tr>\n");
        for (JsonNode r : rows) {
            html.append("<tr><td>").append(escape(r.path("strategy").asText())).append("</td><td class=\"n\">")
                    .append(escape(Formats.percent(r.path("accuracy").asDouble())));
            if (top) {
                html.append("</td><td class=\"n\">").append(escape(Formats.percent(r.path("top5_accuracy")
                        .asDouble())));
            }
            html.append("</td><td class=\"n\">").append(escape(Formats.count(r.path("trained_parameters").asLong())))
                    .append("</td><td class=\"n\">").append(escape(Formats.count(r.path("fixed_parameters").asLong())))
                    .append("</td><td class=\"n\">").append(escape(Formats.bytes(r.path("inference_bytes").asLong())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void finalEpoch(StringBuilder html, Path runDir) {
        List<EpochMetrics> history;
        try {
            history = MetricsLog.read(runDir);
        } catch (RuntimeException e) {
            note(html, "Final epoch", runDir.resolve(MetricsLog.JSONL), e);
            return;
        }
        if (history.isEmpty()) {
            return;
        }
        EpochMetrics last = history.get(history.size() - 1);
        html.append("<h2>Final epoch (").append(last.epoch() + 1).append(")</h2>\n<p>learning rate ")
                .append(number(last.learningRate())).append(", train ").append(number(last.trainSeconds()))
                .append(" s, eval ").append(number(last.evalSeconds())).append(" s, ")
                .append(number(last.imagesPerSecond())).append(" images/s</p>\n");
        Set<String> strategies = new LinkedHashSet<>(last.validAccuracy().keySet());
        strategies.addAll(last.testAccuracy().keySet());
        if (!strategies.isEmpty()) {
            html.append("<table>\n<tr><th>strategy</th><th>valid accuracy</th><th>test accuracy</th></tr>\n");
            for (String s : strategies) {
                html.append("<tr><td>").append(escape(s)).append("</td>");
                cell(html, last.validAccuracy().get(s));
                cell(html, last.testAccuracy().get(s));
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        layerTable(html, last.layers());
    }

    private static void layerTable(StringBuilder html, List<LayerMetrics> layers) {
        if (layers.isEmpty()) {
            return;
        }
        Set<String> extras = new LinkedHashSet<>();
        layers.forEach(l -> extras.addAll(l.extras().keySet()));
        html.append("<table>\n<tr><th>layer</th><th>loss</th><th>ce</th><th>train accuracy</th>")
                .append("<th>valid accuracy</th><th>test accuracy</th>");
        extras.forEach(k -> html.append("<th>").append(escape(k)).append("</th>"));
        html.append("</tr>\n");
        for (LayerMetrics l : layers) {
            html.append("<tr><td>").append(l.layer()).append("</td>");
            for (double v : new double[] {l.loss(), l.ce(), l.trainAccuracy(), l.validAccuracy(), l.testAccuracy()}) {
                cell(html, v);
            }
            extras.forEach(k -> cell(html, l.extras().get(k)));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void images(StringBuilder html, Path runDir) {
        List<String> pngs = pngNames(runDir);
        List<String> assignments = pngs.stream().filter(n -> ASSIGNMENT.matcher(n).matches())
                .sorted(Comparator.comparingLong(HtmlReport::layerNumber).thenComparing(n -> n)).toList();
        List<String> charts = new ArrayList<>();
        Charts.CURVE_FILES.stream().filter(pngs::contains).forEach(charts::add);
        List<String> cams = pngs.stream().filter(n -> CAM.matcher(n).matches()).toList();
        pngs.stream().filter(n -> !charts.contains(n) && !assignments.contains(n) && !cams.contains(n))
                .forEach(charts::add);
        if (!charts.isEmpty()) {
            html.append("<h2>Charts</h2>\n<div class=\"grid\">\n");
            charts.forEach(n -> img(html, n));
            html.append("</div>\n");
        }
        if (!assignments.isEmpty()) {
            html.append("<h2>Assignments</h2>\n<div class=\"grid\">\n");
            assignments.forEach(n -> img(html, n));
            html.append("</div>\n");
        }
        if (!cams.isEmpty()) {
            html.append("<h2>Class activation maps</h2>\n<p>Where each layer's evidence for the true class lies in"
                    + " the first test images (<code>ffcnn explain</code> draws them for any image).</p>\n");
            cams.forEach(n -> img(html, n));
        }
    }

    private static List<String> pngNames(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runDir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".png") && !n.startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runDir + ": " + e.getMessage(), e);
        }
    }

    private static long layerNumber(String name) {
        Matcher m = ASSIGNMENT.matcher(name);
        if (!m.matches()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void img(StringBuilder html, String name) {
        String src = escape(urlPath(name));
        String caption = escape(ReportText.caption(name));
        html.append("<figure><a href=\"").append(src).append("\"><img src=\"").append(src).append("\" alt=\"")
                .append(caption).append("\"></a><figcaption>").append(caption).append("</figcaption></figure>\n");
    }

    private static void config(StringBuilder html, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            html.append("<h2>Configuration</h2>\n<pre>").append(escape(text)).append("</pre>\n");
        } catch (IOException e) {
            note(html, "Configuration", file, e);
        }
    }

    private static void note(StringBuilder html, String section, Path file, Exception e) {
        html.append("<h2>").append(escape(section)).append("</h2>\n<p class=\"note\">cannot read ")
                .append(escape(file.getFileName().toString())).append(": ")
                .append(escape(String.valueOf(e.getMessage()))).append("</p>\n");
    }

    private static void cell(StringBuilder html, Double v) {
        html.append("<td class=\"n\">").append(v == null ? "" : number(v)).append("</td>");
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : Double.isNaN(v) ? "n/a" : "" + v;
    }

    private static String name(Path runDir) {
        Path n = runDir.toAbsolutePath().normalize().getFileName();
        return n == null ? runDir.toString() : n.toString();
    }

    /** {@code name} percent-encoded for a relative URL (UTF-8; letters, digits and {@code ._-~} kept). */
    static String urlPath(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "._-~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** {@code text} with {@code & < > " '} replaced by entities. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
