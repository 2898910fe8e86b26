package ffcnn.sweep;

import ffcnn.io.AtomicFiles;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A sweep's results, one row per setting (everything but the seed) with the mean and spread of the test
 * accuracy over its finished seeds, written as {@code sweep.md}, {@code sweep.csv} and {@code sweep.png}
 * (bars with the standard deviation as error bars, {@link SpreadChart}).
 */
public record SweepTable(List<Row> rows, Map<String, String> common) {

    public static final String MARKDOWN = "sweep.md";
    public static final String CSV = "sweep.csv";
    public static final String PNG = "sweep.png";

    private static final String MISSING = "–";

    /**
     * One setting.
     *
     * @param setting      method, dataset, preset and the set values that differ between settings
     * @param runs         entries of the setting
     * @param finished     finished ones
     * @param failed       failed ones
     * @param accuracy     test accuracy in % (last epoch), over the finished seeds
     * @param best         best test accuracy over each run's epochs in %, over the finished seeds (the figure
     *                     some official code reports)
     * @param trainSeconds mean training seconds of the finished seeds, NaN for none
     * @param wallSeconds  wall seconds of every recorded attempt together
     * @param hardware     machines the runs ran on
     */
    public record Row(String setting, int runs, int finished, int failed, Spread accuracy, Spread best,
            double trainSeconds, double wallSeconds, String hardware) {
    }

    /** Reads where every entry of the sweep in {@code dir} stands. */
    public static SweepTable collect(Path dir, List<SweepEntry> entries) {
        return of(entries.stream().map(e -> EntryStatus.read(dir, e)).toList());
    }

    static SweepTable of(List<EntryStatus> statuses) {
        Map<String, String> common = new LinkedHashMap<>(statuses.get(0).entry().set());
        statuses.forEach(s -> common.entrySet().removeIf(c -> !c.getValue().equals(s.entry().set().get(c.getKey()))));
        Map<String, List<EntryStatus>> groups = new LinkedHashMap<>();
        statuses.forEach(s -> groups.computeIfAbsent(s.entry().setting(), k -> new ArrayList<>()).add(s));
        List<Row> rows = new ArrayList<>();
        groups.forEach((setting, group) -> {
            List<EntryStatus> done = group.stream().filter(EntryStatus::finished).toList();
            Spread acc = Spread.of(done.stream().map(s -> s.testAccuracy() * 100).toList());
            Spread best = Spread.of(done.stream().map(EntryStatus::bestTestAccuracy).filter(Objects::nonNull)
                    .map(b -> b * 100).toList());
            double train = Spread.of(done.stream().map(EntryStatus::trainSeconds).filter(Objects::nonNull).toList())
                    .mean();
            double wall = group.stream().map(EntryStatus::result).filter(Objects::nonNull)
                    .mapToDouble(EntryResult::wallSeconds).filter(Double::isFinite).sum();
            String hardware = group.stream().map(EntryStatus::result).filter(Objects::nonNull)
                    .map(EntryResult::hardware).distinct().collect(Collectors.joining("; "));
            int failed = (int) group.stream().filter(s -> s.status().startsWith("failed")).count();
            SweepEntry e = group.get(0).entry();
            StringBuilder label = new StringBuilder(e.method() + " " + e.dataset() + " " + e.preset());
            e.set().forEach((k, v) -> label.append(common.containsKey(k) ? "" : " " + k + "=" + v));
            rows.add(new Row(label.toString(), group.size(), done.size(), failed, acc, best, train, wall, hardware));
        });
        return new SweepTable(List.copyOf(rows), common);
    }

    /** Writes the three files into {@code dir}; returns the Markdown. */
    public String write(Path dir, String commandLine) {
        String md = markdown(commandLine);
        AtomicFiles.writeString(dir.resolve(MARKDOWN), md);
        AtomicFiles.writeString(dir.resolve(CSV), csv());
        SpreadChart.write(rows.stream().map(Row::setting).toList(), rows.stream().map(Row::accuracy).toList(),
                "Test accuracy over seeds", dir.resolve(PNG));
        return md;
    }

    public String markdown(String commandLine) {
        StringBuilder md = new StringBuilder("| setting | seeds done | failed | test accuracy % mean | std | min | max"
                + " | best epoch % mean | train s (mean) | wall s (all) | hardware |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            md.append(String.join(" | ", List.of("| " + r.setting(), r.finished() + "/" + r.runs(),
                    String.valueOf(r.failed()), f("%.2f", r.accuracy().mean()), f("%.2f", r.accuracy().std()),
                    f("%.2f", r.accuracy().min()), f("%.2f", r.accuracy().max()), f("%.2f", r.best().mean()),
                    f("%.1f", r.trainSeconds()),
                    f("%.0f", r.wallSeconds()), r.hardware().isEmpty() ? MISSING : r.hardware()))).append(" |\n");
        }
        md.append("\nTest accuracy: last epoch, each method's default prediction strategy, over the finished seeds;")
                .append(" best epoch: each run's highest test accuracy over its epochs, averaged;")
                .append(" std: sample standard deviation (n - 1); ").append(MISSING).append(": none yet.");
        if (!common.isEmpty()) {
            md.append(" Every run: ").append(common.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining(", "))).append('.');
        }
        md.append('\n');
        if (commandLine != null && !commandLine.isEmpty()) {
            md.append("\n```\n").append(commandLine).append("\n```\n");
        }
        return md.toString();
    }

    public String csv() {
        StringBuilder csv = new StringBuilder("setting,runs,finished,failed,test_accuracy_mean,test_accuracy_std,"
                + "test_accuracy_min,test_accuracy_max,best_test_accuracy_mean,train_seconds_mean,wall_seconds,hardware\n");
        for (Row r : rows) {
            csv.append(List.of(quote(r.setting()), r.runs(), r.finished(), r.failed(), plain(r.accuracy().mean()),
                    plain(r.accuracy().std()), plain(r.accuracy().min()), plain(r.accuracy().max()),
                    plain(r.best().mean()), plain(r.trainSeconds()), plain(r.wallSeconds()), quote(r.hardware())).stream()
                    .map(String::valueOf).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    /** {@code v} formatted with {@code pattern}, or "–" where there is no figure (no seed; one seed's spread). */
    public static String f(String pattern, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, pattern, v) : MISSING;
    }

    /** {@code v} in plain decimal for CSV, or an empty cell where there is no figure. */
    public static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).toPlainString() : "";
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
