package ffcnn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import ffcnn.train.EpochMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @Test
    void jsonlRoundTripsToEqualRecords(@TempDir Path dir) {
        List<EpochMetrics> history = Histories.of(3, 4);
        MetricsLog log = new MetricsLog(dir);
        for (int e = 0; e < history.size(); e++) {
            log.onEpochEnd(history.get(e), history.subList(0, e + 1));
        }
        assertThat(MetricsLog.read(dir)).isEqualTo(history);
    }

    @Test
    void jsonlHasOneLinePerEpochWithSnakeCaseKeys(@TempDir Path dir) throws IOException {
        MetricsLog.write(Histories.of(3, 4), dir);
        List<String> lines = Files.readAllLines(dir.resolve("metrics.jsonl"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).contains("\"learning_rate\"", "\"test_accuracy\":{\"softmax\"", "\"temperature\"");
    }

    @Test
    void csvHasHeaderAndOneRowPerEpochAndLayer(@TempDir Path dir) throws IOException {
        MetricsLog.write(Histories.of(3, 4), dir);
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
        assertThat(lines).hasSize(1 + 3 * 4);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(header).containsSubsequence("epoch", "layer", "learning_rate", "valid_accuracy_softmax",
                "valid_accuracy_goodness_sum", "test_accuracy_softmax", "loss", "test_accuracy",
                "temperature", "entropy", "orthogonality");
        String[] first = lines.get(1).split(",", -1);
        assertThat(first).hasSize(header.size());
        assertThat(first[header.indexOf("orthogonality")]).isEqualTo("NaN");
        assertThat(first[header.indexOf("temperature")]).isEqualTo("1.0");
        String[] last = lines.get(12).split(",", -1);
        assertThat(last[0]).isEqualTo("2");
        assertThat(last[1]).isEqualTo("3");
    }

    @Test
    void readsNothingWithoutFileAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        assertThat(MetricsLog.read(dir)).isEmpty();
        MetricsLog.write(Histories.of(2, 2), dir);
        MetricsLog.write(Histories.of(3, 2), dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("metrics.jsonl", "metrics.csv");
        }
    }

    @Test
    void rejectsBrokenLineNamingFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"epoch\": 0,\n");
        assertThatThrownBy(() -> MetricsLog.read(dir))
                .isInstanceOf(UserInputException.class).hasMessageContaining("metrics.jsonl");
    }

    @Test
    void snakeCasesNames() {
        assertThat(MetricsLog.snakeCase("goodness-sum")).isEqualTo("goodness_sum");
        assertThat(MetricsLog.snakeCase("orthoLoss")).isEqualTo("ortho_loss");
        assertThat(MetricsLog.snakeCase("--")).isEqualTo("unnamed");
    }
}
