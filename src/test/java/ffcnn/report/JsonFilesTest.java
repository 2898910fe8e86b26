package ffcnn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import ffcnn.train.LayerMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {

    @Test
    void writesSnakeCaseAndNanAsStringAndReadsBack(@TempDir Path dir) throws IOException {
        LayerMetrics m = new LayerMetrics(1, 0.5, Double.NaN, 0.25, Double.POSITIVE_INFINITY, 0.75,
                Map.of("temperature", Double.NaN));
        Path file = dir.resolve("m.json");
        JsonFiles.write(file, m);
        String text = Files.readString(file);
        assertThat(text).contains("\"train_accuracy\"", "\"NaN\"", "\"Infinity\"").contains("\n  ");
        assertThat(JsonFiles.read(file, LayerMetrics.class)).isEqualTo(m);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void lineMapperWritesOneLine() throws IOException {
        String line = JsonFiles.lineMapper().writeValueAsString(Map.of("a", Map.of("b", 1)));
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void namesTheFileWhenItIsNotJson(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), "{not json");
        assertThatThrownBy(() -> JsonFiles.read(file, Map.class))
                .isInstanceOf(UserInputException.class).hasMessageContaining("summary.json");
        assertThatThrownBy(() -> JsonFiles.read(dir.resolve("missing.json"), Map.class))
                .isInstanceOf(UserInputException.class).hasMessageContaining("missing.json");
    }
}
