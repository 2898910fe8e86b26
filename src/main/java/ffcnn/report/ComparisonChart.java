package ffcnn.report;

import ffcnn.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The picture of a comparison: side by side, a bar chart of each method's test accuracy (%) and one of
 * its peak resident memory (MiB). A method without the figure has no bar; a chart without any bar is
 * left out, and without either nothing is written.
 */
final class ComparisonChart {

    static {
        Charts.headless();
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private ComparisonChart() {
    }

    static void write(List<ComparisonRow> rows, Path png) {
        List<CategoryChart> charts = new ArrayList<>();
        addChart(charts, rows, "Test accuracy", "test accuracy (%)", "0.00",
                r -> r.testAccuracy() == null ? null : r.testAccuracy() * 100);
        addChart(charts, rows, "Peak resident memory", "peak RSS (MiB)", "#,##0",
                r -> r.peakRssBytes() == null ? null : r.peakRssBytes() / (1024.0 * 1024.0));
        if (charts.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), bytes, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(png, bytes.toByteArray());
    }

    /** Adds a bar chart of {@code value} per method, values shown with {@code pattern}, if any has one. */
    private static void addChart(List<CategoryChart> charts, List<ComparisonRow> rows, String title, String yTitle,
            String pattern, Function<ComparisonRow, Double> value) {
        List<String> methods = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (ComparisonRow r : rows) {
            if (value.apply(r) != null) {
                methods.add(r.method());
                values.add(value.apply(r));
            }
        }
        if (methods.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("method").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsPosition(0.95);
        chart.getStyler().setLabelsFont(chart.getStyler().getAxisTickLabelsFont());
        chart.getStyler().setAvailableSpaceFill(0.6);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setToolTipsEnabled(false);
        chart.getStyler().setYAxisDecimalPattern(pattern);
        chart.addSeries(yTitle, methods, values);
        charts.add(chart);
    }
}
