package ffcnn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison files from synthetic summary.json files: values, missing fields, pictures. */
class ComparisonTableTest {

    private static final String FULL = """
            {"method": "caw-conv", "dataset": "mnist", "arch": "tiny", "epochs": 2, "strategy": "loss-aware",
             "test_accuracy": 0.9874, "per_layer_test_accuracy": [0.95, 0.981, 0.9802, 0.97],
             "parameters": 1234567, "train_seconds": 630.25, "train_images_per_second": 159.4,
             "peak_rss_bytes": 1610612736, "peak_heap_bytes": 268435456, "peak_step_bytes": 52428800}
            """;
    /** An older summary: no heap or step figures, RSS not measured, a NaN layer, an unknown field. */
    private static final String SPARSE = """
            {"method": "deeperforward", "arch": "vgg", "epochs": 1, "strategy": "best-range",
             "test_accuracy": 0.5, "per_layer_test_accuracy": ["NaN", 0.25, 0.625], "parameters": 42,
             "train_seconds": 10, "train_images_per_second": 25.5, "peak_rss_bytes": -1, "future_field": [1]}
            """;

    private static List<Path> runs(Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("caw-conv"));
        Path b = Files.createDirectories(dir.resolve("deeperforward"));
        Path c = Files.createDirectories(dir.resolve("backprop"));
        Files.writeString(a.resolve("summary.json"), FULL);
        Files.writeString(b.resolve("summary.json"), SPARSE);
        Files.writeString(c.resolve("summary.json"), "{}");
        return List.of(a, b, c);
    }

    @Test
    void markdownShowsPercentMebibytesAndDashesForMissingFigures(@TempDir Path dir) throws IOException {
        String md = ComparisonTable.read(runs(dir)).markdown("ffcnn compare --methods x", "mnist", "quick");
        List<String> lines = md.lines().toList();
        assertThat(lines.get(0)).startsWith("| method | arch | epochs | test accuracy % (strategy) |")
                .contains("| peak RSS MiB | peak heap MiB | activations per step MiB | parameters |");
        assertThat(lines.get(1)).startsWith("|---|---|---:|");
        assertThat(lines.get(2)).isEqualTo("| caw-conv | tiny | 2 | 98.74 (loss-aware) | 98.10 (layer 1) | 630.3 "
                + "| 159.4 | 1,536 | 256 | 50.0 | 1,234,567 |");
        assertThat(lines.get(3)).isEqualTo("| deeperforward | vgg | 1 | 50.00 (best-range) | 62.50 (layer 2) | 10.0 "
                + "| 25.5 | – | – | – | 42 |");
        assertThat(lines.get(4)).isEqualTo("| backprop | – | – | – | – | – | – | – | – | – | – |");
        assertThat(md).contains("Dataset mnist, preset quick.", "```\nffcnn compare --methods x\n```");
    }

    @Test
    void csvHasRawNumbersAndEmptyMissingFields(@TempDir Path dir) throws IOException {
        List<String> csv = ComparisonTable.read(runs(dir)).csv().lines().toList();
        assertThat(csv).containsExactly(
                "method,arch,epochs,test_accuracy,strategy,best_layer_test_accuracy,best_layer,train_seconds,"
                        + "train_images_per_second,peak_rss_bytes,peak_heap_bytes,peak_step_bytes,parameters",
                "caw-conv,tiny,2,0.9874,loss-aware,0.981,1,630.25,159.4,1610612736,268435456,52428800,1234567",
                "deeperforward,vgg,1,0.5,best-range,0.625,2,10.0,25.5,,,,42",
                "backprop,,,,,,,,,,,,");
    }

    @Test
    void writesFilesAndADecodableChart(@TempDir Path dir) throws IOException {
        String md = ComparisonTable.read(runs(dir)).write(dir, "ffcnn compare", "mnist", "quick");
        assertThat(dir.resolve("comparison.md")).hasContent(md);
        assertThat(Files.readAllLines(dir.resolve("comparison.csv"))).hasSize(4);
        BufferedImage png = ImageIO.read(dir.resolve("comparison.png").toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isGreaterThan(png.getHeight());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void missingSummaryIsAUserErrorNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> ComparisonTable.read(List.of(dir.resolve("cwcomp"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("cwcomp/summary.json");
    }
}
