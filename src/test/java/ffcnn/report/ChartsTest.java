package ffcnn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ffcnn.train.EpochMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    private static final List<String> CURVES = List.of("accuracy.png", "layer_accuracy.png", "loss.png",
            "temperature.png", "entropy.png", "orthogonality.png");

    @Test
    void writesDecodablePngPerCurveAndExtrasKey(@TempDir Path dir) throws IOException {
        Charts.writeCurves(Histories.of(3, 4), dir);
        for (String name : CURVES) {
            assertDecodes(dir.resolve(name), 400, 300);
        }
        assertNoTemporaryFiles(dir);
    }

    @Test
    void rendersSingleEpoch(@TempDir Path dir) throws IOException {
        Charts.writeCurves(Histories.of(1, 2), dir);
        for (String name : CURVES) {
            assertDecodes(dir.resolve(name), 400, 300);
        }
    }

    @Test
    void listenerRedrawsOnEpochEnd(@TempDir Path dir) throws IOException {
        List<EpochMetrics> history = Histories.of(2, 2);
        new ChartListener(dir).onEpochEnd(history.get(1), history);
        assertDecodes(dir.resolve("accuracy.png"), 400, 300);
    }

    @Test
    void writesNothingForEmptyHistory(@TempDir Path dir) throws IOException {
        Charts.writeCurves(List.of(), dir);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void rendersTallAndWideHeatMaps(@TempDir Path dir) throws IOException {
        for (int[] shape : new int[][] {{1600, 10}, {400, 200}, {1600, 200}}) {
            Path png = dir.resolve("heat_" + shape[0] + "x" + shape[1] + ".png");
            Charts.writeHeatmap(matrix(shape[0], shape[1]), "assignment", "class", "channel", png);
            BufferedImage img = assertDecodes(png, 300, 200);
            assertThat(img.getHeight()).isGreaterThanOrEqualTo(shape[0] > 800 ? shape[0] : 800);
        }
        assertNoTemporaryFiles(dir);
    }

    @Test
    void probabilityHeatMapsUseTheWholeScaleAndNameTheColumns(@TempDir Path dir) throws IOException {
        float[][] nearlyUniform = new float[4][10];
        for (float[] row : nearlyUniform) {
            java.util.Arrays.fill(row, 0.1f);
            row[0] = 0.094f;
            row[1] = 0.106f;
        }
        Path fixed = dir.resolve("fixed.png");
        Charts.writeProbabilityHeatmap(nearlyUniform, "layer 1 assignment after epoch 2 of 2",
                java.util.List.of("T-shirt/top", "Trouser", "c", "d", "e", "f", "g", "h", "i", "Ankle boot"),
                "class", "channel", fixed);
        Path own = dir.resolve("own.png");
        Charts.writeHeatmap(nearlyUniform, "t", "class", "channel", own);
        assertThat(colourDistance(fixed)).isLessThan(40);
        assertThat(colourDistance(own)).isGreaterThan(200);
        assertThat(ImageIO.read(fixed.toFile()).getHeight()).isGreaterThan(ImageIO.read(own.toFile()).getHeight());
        assertThat(Charts.relativeEntropy(new float[][] {{0.5f, 0.5f}, {1f, 0f}})).isCloseTo(0.5, within(1e-6));
    }

    /** The distance of the colours of the cells (0, 0) and (0, 1) of a 4 x 10 heat map. */
    private static int colourDistance(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        int a = img.getRGB(80 + 2, 56 + 2);
        int b = img.getRGB(80 + 40 + 2, 56 + 2);
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d += Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff));
        }
        return d;
    }

    @Test
    void heatMapToleratesConstantAndNanValues(@TempDir Path dir) throws IOException {
        float[][] m = {{1f, 1f}, {Float.NaN, 1f}};
        Charts.writeHeatmap(m, "t", "x", "y", dir.resolve("c.png"));
        assertDecodes(dir.resolve("c.png"), 200, 100);
        assertThatThrownBy(() -> Charts.writeHeatmap(new float[][] {{1f}, {1f, 2f}}, "t", "x", "y",
                dir.resolve("r.png"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void picksReadableTickSteps() {
        assertThat(HeatMapImage.step(10, 10)).isEqualTo(1);
        assertThat(HeatMapImage.step(1600, 88)).isEqualTo(20);
        assertThat(HeatMapImage.step(200, 20)).isEqualTo(10);
    }

    private static float[][] matrix(int rows, int cols) {
        Random random = new Random(rows * 31L + cols);
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = random.nextFloat();
            }
        }
        return m;
    }

    private static BufferedImage assertDecodes(Path png, int minWidth, int minHeight) throws IOException {
        assertThat(png).isRegularFile();
        assertThat(Files.size(png)).isGreaterThan(2000);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).as("decoded %s", png.getFileName()).isNotNull();
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(minWidth);
        assertThat(img.getHeight()).isGreaterThanOrEqualTo(minHeight);
        return img;
    }

    static void assertNoTemporaryFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
