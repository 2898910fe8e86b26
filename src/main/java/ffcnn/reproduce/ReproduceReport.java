package ffcnn.reproduce;

import static ffcnn.sweep.SweepTable.plain;

import ffcnn.io.AtomicFiles;
import ffcnn.sweep.Manifest;
import ffcnn.sweep.SpreadChart;
import ffcnn.sweep.SweepEntry;
import ffcnn.sweep.SweepTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row run so far under a reproduce folder ({@code <dir>/<row id>/}, each a sweep over seeds):
 * published figure, measured mean and spread over the finished seeds, gap (measured - published), wall time
 * and hardware; written as {@code reproduce.md}, {@code .csv} and {@code .png}.
 */
public record ReproduceReport(List<Line> lines) {

    public static final String MARKDOWN = "reproduce.md";
    public static final String CSV = "reproduce.csv";
    public static final String PNG = "reproduce.png";

    /**
     * A row and what its runs measured.
     *
     * @param row       the published row
     * @param measured  the sweep's figures (its one setting)
     * @param shortened whether the runs changed the preset (fewer epochs or images): not comparable
     */
    public record Line(PublishedRow row, SweepTable.Row measured, boolean shortened) {

        /** Measured mean minus published, in percentage points (NaN before a seed finished). */
        public double gap() {
            return measured.accuracy().mean() - row.published();
        }

        /**
         * The best epoch's test accuracy (each seed's highest over its epochs, averaged) minus published: the
         * comparable gap where the paper's code reports its best epoch (specs/caw-conv.md 10.3: report both).
         */
        public double bestGap() {
            return measured.best().mean() - row.published();
        }
    }

    /** Reads every row folder under {@code dir}; folders that are not rows are left out. */
    public static ReproduceReport read(Path dir) {
        List<Line> lines = new ArrayList<>();
        for (PublishedRow row : PublishedRows.all()) {
            Path folder = dir.resolve(row.id());
            if (Files.isRegularFile(folder.resolve(Manifest.FILE))) {
                lines.add(line(row, folder));
            }
        }
        return new ReproduceReport(List.copyOf(lines));
    }

    /** The line of {@code row} from its sweep folder. */
    public static Line line(PublishedRow row, Path folder) {
        List<SweepEntry> entries = Manifest.read(folder.resolve(Manifest.FILE));
        SweepTable table = SweepTable.collect(folder, entries);
        boolean shortened = entries.stream().anyMatch(e -> !e.set().isEmpty());
        return new Line(row, table.rows().get(0), shortened);
    }

    /** Writes the three files into {@code dir}; returns the Markdown. */
    public String write(Path dir) {
        String md = markdown();
        AtomicFiles.writeString(dir.resolve(MARKDOWN), md);
        AtomicFiles.writeString(dir.resolve(CSV), csv());
        SpreadChart.write(lines.stream().map(l -> l.row().id()).toList(),
                lines.stream().map(l -> l.measured().accuracy()).toList(), "Measured test accuracy", dir.resolve(PNG));
        return md;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("| row | published % | measured % (mean) | std | best epoch % (mean) | seeds"
                + " | gap (pp) | gap, best epoch (pp) | train s (mean) | wall s | hardware |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Line l : lines) {
            SweepTable.Row m = l.measured();
            md.append("| ").append(l.row().id()).append(l.shortened() ? " (shortened)" : "").append(" | ")
                    .append(String.join(" | ", f(l.row().published()) + (l.row().spread() == null ? ""
                            : " ± " + f(l.row().spread())), f(m.accuracy().mean()), f(m.accuracy().std()),
                            f(m.best().mean()), m.finished() + "/" + m.runs(), f(l.gap()), f(l.bestGap()),
                            SweepTable.f("%.0f", m.trainSeconds()), SweepTable.f("%.0f", m.wallSeconds()),
                            m.hardware().isEmpty() ? "–" : m.hardware())).append(" |\n");
        }
        md.append("\nTest accuracy (%), last epoch; std over the finished seeds (n - 1); gap = measured - published;")
                .append(" best epoch: each seed's highest test accuracy over its epochs (what CwComp's and CAW-Conv's")
                .append(" official code report), averaged;")
                .append(" shortened: run with fewer epochs or images than the preset, not comparable.\n");
        return md.toString();
    }

    public String csv() {
        StringBuilder csv = new StringBuilder("row,published,published_std,measured_mean,measured_std,seeds_done,"
                + "seeds,gap,best_epoch_mean,gap_best_epoch,shortened,train_seconds_mean,wall_seconds,hardware\n");
        for (Line l : lines) {
            SweepTable.Row m = l.measured();
            csv.append(String.join(",", l.row().id(), plain(l.row().published()),
                    l.row().spread() == null ? "" : plain(l.row().spread()), plain(m.accuracy().mean()),
                    plain(m.accuracy().std()), String.valueOf(m.finished()), String.valueOf(m.runs()), plain(l.gap()),
                    plain(m.best().mean()), plain(l.bestGap()), String.valueOf(l.shortened()), plain(m.trainSeconds()),
                    plain(m.wallSeconds()),
                    "\"" + m.hardware().replace("\"", "\"\"") + "\"")).append('\n');
        }
        return csv.toString();
    }

    private static String f(double v) {
        return SweepTable.f("%.2f", v);
    }
}
