package ffcnn.sweep;

import ffcnn.io.AtomicFiles;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Bars of the mean test accuracy per setting with the standard deviation over seeds as error bars (none
 * for a single seed). Settings without a finished seed have no bar; with none at all nothing is written.
 */
public final class SpreadChart {

    static {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    }

    private SpreadChart() {
    }

    /** Writes the chart of {@code spreads} (in %) labelled by {@code labels} to {@code png}. */
    public static void write(List<String> labels, List<Spread> spreads, String title, Path png) {
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (spreads.get(i).n() > 0) {
                names.add(labels.get(i));
                means.add(spreads.get(i).mean());
                errors.add(Double.isFinite(spreads.get(i).std()) ? spreads.get(i).std() : 0.0);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(640, 120 * names.size())).height(480)
                .title(title).xAxisTitle("setting").yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisLabelRotation(names.size() > 3 ? 20 : 0);
        chart.addSeries("test accuracy", names, means, errors);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(chart, bytes, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(png, bytes.toByteArray());
    }
}
