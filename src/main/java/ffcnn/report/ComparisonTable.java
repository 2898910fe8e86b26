package ffcnn.report;

import ffcnn.io.AtomicFiles;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs side by side: one row per run folder ({@link ComparisonRow}), written as {@code comparison.md}
 * (for people: percentages, MiB, a dash for a figure the run did not record), {@code comparison.csv}
 * (for programs: the summary's raw numbers, empty where missing) and {@code comparison.png} (bar charts
 * of test accuracy and peak resident memory per method, see {@link ComparisonChart}).
 */
public record ComparisonTable(List<ComparisonRow> rows) {

    /** The table for people, in the comparison folder. */
    public static final String MARKDOWN = "comparison.md";
    /** The table for programs. */
    public static final String CSV = "comparison.csv";
    /** The bar charts. */
    public static final String PNG = "comparison.png";

    private static final String MISSING = "–";
    private static final double MIB = 1024.0 * 1024.0;

    private static final List<String> MARKDOWN_HEADER = List.of("method", "arch", "epochs",
            "test accuracy % (strategy)", "best layer % (layer)", "train s", "images/s", "peak RSS MiB",
            "peak heap MiB", "activations per step MiB", "parameters");
    private static final List<String> CSV_HEADER = List.of("method", "arch", "epochs", "test_accuracy", "strategy",
            "best_layer_test_accuracy", "best_layer", "train_seconds", "train_images_per_second", "peak_rss_bytes",
            "peak_heap_bytes", "peak_step_bytes", "parameters");

    public ComparisonTable {
        rows = List.copyOf(rows);
    }

    /** Reads the {@code summary.json} of each folder, in order. */
    public static ComparisonTable read(List<Path> runDirs) {
        return new ComparisonTable(runDirs.stream().map(ComparisonRow::read).toList());
    }

    /**
     * Writes {@value #MARKDOWN}, {@value #CSV} and {@value #PNG} into {@code out}, each atomically.
     *
     * @return the Markdown text
     */
    public String write(Path out, String commandLine, String dataset, String preset) {
        String markdown = markdown(commandLine, dataset, preset);
        AtomicFiles.writeString(out.resolve(MARKDOWN), markdown);
        AtomicFiles.writeString(out.resolve(CSV), csv());
        ComparisonChart.write(rows, out.resolve(PNG));
        return markdown;
    }

    /** The Markdown table, then how to read it and the command that produced it. */
    public String markdown(String commandLine, String dataset, String preset) {
        StringBuilder md = new StringBuilder();
        md.append(markdownLine(MARKDOWN_HEADER));
        md.append(MARKDOWN_HEADER.stream().map(h -> h.equals("method") || h.equals("arch") ? "---" : "---:")
                .collect(Collectors.joining("|", "|", "|\n")));
        rows.forEach(r -> md.append(markdownLine(markdownCells(r))));
        md.append("\nDataset ").append(dataset).append(", preset ").append(preset).append(". Test accuracy: last")
                .append(" epoch, each method's default prediction strategy; best layer: the best single layer's")
                .append(" test accuracy (layer 0 is the first). MiB = 2^20 bytes; ").append(MISSING)
                .append(": not recorded by the run.\n\n");
        md.append("```\n").append(commandLine).append("\n```\n");
        return md.toString();
    }

    /** The CSV text: a header row, then one row per run with the summaries' raw values. */
    public String csv() {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_HEADER)).append('\n');
        for (ComparisonRow r : rows) {
            List<Object> values = List.of(opt(r.method()), opt(r.arch()), opt(r.epochs()), opt(r.testAccuracy()),
                    opt(r.strategy()), opt(r.bestLayerAccuracy()), opt(r.bestLayer()), opt(r.trainSeconds()),
                    opt(r.imagesPerSecond()), opt(r.peakRssBytes()), opt(r.peakHeapBytes()),
                    opt(r.peakStepBytes()), opt(r.parameters()));
            csv.append(values.stream().map(ComparisonTable::csvField).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    private static List<String> markdownCells(ComparisonRow r) {
        List<String> cells = new ArrayList<>();
        cells.add(r.method());
        cells.add(r.arch() == null ? MISSING : r.arch());
        cells.add(r.epochs() == null ? MISSING : r.epochs().toString());
        cells.add(percent(r.testAccuracy()) + (r.strategy() == null ? "" : " (" + r.strategy() + ")"));
        cells.add(percent(r.bestLayerAccuracy()) + (r.bestLayer() == null ? "" : " (layer " + r.bestLayer() + ")"));
        cells.add(format("%.1f", r.trainSeconds()));
        cells.add(format("%.1f", r.imagesPerSecond()));
        cells.add(mebibytes(r.peakRssBytes(), "%,.0f"));
        cells.add(mebibytes(r.peakHeapBytes(), "%,.0f"));
        cells.add(mebibytes(r.peakStepBytes(), "%,.1f"));
        cells.add(format("%,d", r.parameters()));
        return cells;
    }

    private static String markdownLine(List<String> cells) {
        return cells.stream().map(c -> " " + c.replace("|", "\\|") + " ")
                .collect(Collectors.joining("|", "|", "|\n"));
    }

    private static String percent(Double fraction) {
        return fraction == null ? MISSING : format("%.2f", fraction * 100);
    }

    private static String mebibytes(Long bytes, String pattern) {
        return bytes == null ? MISSING : format(pattern, bytes / MIB);
    }

    private static String format(String pattern, Object value) {
        return value == null ? MISSING : String.format(Locale.ROOT, pattern, value);
    }

    /** A value as text for CSV: numbers without exponent, missing ones empty. */
    private static String opt(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : value.toString();
    }

    private static String csvField(Object text) {
        String s = text.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
