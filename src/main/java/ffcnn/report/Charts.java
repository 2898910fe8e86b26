package ffcnn.report;

import ffcnn.io.AtomicFiles;
import ffcnn.train.EpochMetrics;
import ffcnn.train.LayerMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts of a run, written atomically into the run folder.
 *
 * <p>{@link #writeCurves} draws, against the 1-based epoch number: {@code accuracy.png} (valid and test
 * accuracy per prediction strategy), {@code layer_accuracy.png} (each layer's test accuracy),
 * {@code loss.png} (each layer's training loss) and one {@code <key>.png} per objective extras key
 * (e.g. {@code temperature.png}; key in snake_case, prefixed {@code extra_} if it clashes with the
 * three names above), one series per layer ({@code layer 0} is the first). Every point has a marker so a
 * single epoch shows; NaN points (not evaluated) are left out and charts without any point are not
 * written. {@link #writeHeatmap} draws a matrix as a heat map with a colour scale.
 *
 * <p>Rendering runs headless ({@code java.awt.headless=true} unless set otherwise).
 */
public final class Charts {

    static {
        headless();
    }

    /** Names of the fixed curve files, in the order a report shows them. */
    public static final List<String> CURVE_FILES = List.of("accuracy.png", "layer_accuracy.png", "loss.png");

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private Charts() {
    }

    /** Makes AWT headless unless it is set otherwise; call before the first chart is drawn. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Writes the curve PNGs of {@code history} into {@code runDir}; does nothing for an empty history. */
    public static void writeCurves(List<EpochMetrics> history, Path runDir) {
        if (history.isEmpty()) {
            return;
        }
        write(accuracyChart(history), runDir.resolve("accuracy.png"));
        write(layerChart(history, "Per-layer test accuracy", "test accuracy", LayerMetrics::testAccuracy),
                runDir.resolve("layer_accuracy.png"));
        write(layerChart(history, "Per-layer training loss", "loss", LayerMetrics::loss), runDir.resolve("loss.png"));
        for (String key : extrasKeys(history)) {
            String file = MetricsLog.snakeCase(key) + ".png";
            if (CURVE_FILES.contains(file)) {
                file = "extra_" + file;
            }
            ToDoubleFunction<LayerMetrics> value = l -> l.extras().getOrDefault(key, Double.NaN);
            write(layerChart(history, "Per-layer " + key, key, value), runDir.resolve(file));
        }
    }

    /**
     * Writes {@code matrix} (rows x columns, e.g. channels x classes) as a heat map PNG to {@code png}.
     * Colours span the finite minimum to maximum (viridis); NaN cells are grey.
     */
    public static void writeHeatmap(float[][] matrix, String title, String xLabel, String yLabel, Path png) {
        HeatMapImage.write(HeatMapImage.render(matrix, title, xLabel, yLabel), png);
    }

    /**
     * A heat map whose rows are probability distributions over the named columns (e.g. a layer's channels
     * over classes): the colour scale is fixed at [0, 1], so a nearly uniform matrix looks uniform, and
     * the subtitle gives the values' range and the rows' mean entropy relative to uniform (1 = uniform).
     */
    public static void writeProbabilityHeatmap(float[][] matrix, String title, List<String> columnNames,
            String xLabel, String yLabel, Path png) {
        float[] range = HeatMapImage.range(matrix);
        String subtitle = String.format(Locale.ROOT, "colour scale 0 to 1; values %.3f to %.3f; "
                + "mean entropy %.2f of uniform", range[0], range[1], relativeEntropy(matrix));
        List<String> names = columnNames != null && columnNames.size() == matrix[0].length ? columnNames : null;
        HeatMapImage.write(HeatMapImage.render(matrix, title, subtitle, xLabel, yLabel, new float[] {0f, 1f},
                names), png);
    }

    /** Mean over rows of the row's entropy divided by the entropy of the uniform distribution. */
    static double relativeEntropy(float[][] m) {
        double sum = 0;
        for (float[] row : m) {
            double h = 0;
            for (float p : row) {
                h -= p > 0 ? p * Math.log(p) : 0;
            }
            sum += row.length > 1 ? h / Math.log(row.length) : 0;
        }
        return sum / m.length;
    }

    /** Extras keys of all layers of all epochs, first-seen order. */
    static Set<String> extrasKeys(List<EpochMetrics> history) {
        Set<String> keys = new LinkedHashSet<>();
        history.forEach(e -> e.layers().forEach(l -> keys.addAll(l.extras().keySet())));
        return keys;
    }

    private static XYChart accuracyChart(List<EpochMetrics> history) {
        Map<String, Series> series = new LinkedHashMap<>();
        for (EpochMetrics e : history) {
            e.validAccuracy().forEach((s, acc) -> series.computeIfAbsent("valid " + s, k -> new Series())
                    .add(e.epoch() + 1, acc));
            e.testAccuracy().forEach((s, acc) -> series.computeIfAbsent("test " + s, k -> new Series())
                    .add(e.epoch() + 1, acc));
        }
        return chart("Accuracy per prediction strategy", "accuracy", series);
    }

    private static XYChart layerChart(List<EpochMetrics> history, String title, String yTitle,
            ToDoubleFunction<LayerMetrics> value) {
        Map<Integer, Series> byLayer = new TreeMap<>();
        for (EpochMetrics e : history) {
            for (LayerMetrics l : e.layers()) {
                byLayer.computeIfAbsent(l.layer(), k -> new Series()).add(e.epoch() + 1, value.applyAsDouble(l));
            }
        }
        Map<String, Series> series = new LinkedHashMap<>();
        byLayer.forEach((layer, s) -> series.put("layer " + layer, s));
        return chart(title, yTitle, series);
    }

    private static XYChart chart(String title, String yTitle, Map<String, Series> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setXAxisDecimalPattern("0.#");
        int added = 0;
        for (Map.Entry<String, Series> s : series.entrySet()) {
            if (!s.getValue().x.isEmpty()) {
                chart.addSeries(s.getKey(), s.getValue().xs(), s.getValue().ys()).setMarker(SeriesMarkers.CIRCLE);
                added++;
            }
        }
        return added == 0 ? null : chart;
    }

    private static void write(XYChart chart, Path png) {
        if (chart == null) {
            return;
        }
        byte[] bytes;
        try {
            bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(png, bytes);
    }

    /** Points of one series; non-finite values are dropped. */
    private static final class Series {
        private final List<Double> x = new ArrayList<>();
        private final List<Double> y = new ArrayList<>();

        void add(double xv, double yv) {
            if (Double.isFinite(yv)) {
                x.add(xv);
                y.add(yv);
            }
        }

        double[] xs() {
            return x.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] ys() {
            return y.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
