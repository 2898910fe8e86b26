package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run as a log records it (no terminal): what will run, progress lines, then resuming and training on for
 * more epochs; a folder a failed run left behind does not block a new run.
 */
class TrainProgressTest extends CommandLineTest {

    @Test
    void logsWhatRunsAndProgressThenResumesForMoreEpochs(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.yaml"), "left: by a run that failed before its first epoch\n");
        int code = run("train", "--epochs", "1", "--limit-train", "640", "--limit-valid", "128", "--limit-test",
                "128", "--set", "model.width=0.2", "--set", "train.batch_size=64", "--progress-every", "0.001",
                "--threads", "1", "--device", "cpu", "--out", run.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("training caw-conv (preset quick) into " + run,
                "caw-conv on fashion-mnist: 640 training, 128 validation, 128 test images", "parameters",
                "1 epochs, batch 64", "1 engine threads, device cpu", "epoch 1/1  batch 1/10  ", "epoch 1/1  batch 10/10  ",
                "img/s", "loss ", "epoch ends in", "training will take ~");
        assertThat(out.toString()).contains("1 epochs");
        assertThat(Files.readString(run.resolve("provenance.json"))).contains("\"ffcnn_version\" : \"0.1.0\"",
                "\"ffcnn_commit\"", "\"device\" : \"cpu\"");
        JsonNode footprint = new ObjectMapper().readTree(run.resolve("summary.json").toFile())
                .path("activation_bytes_per_layer");
        assertThat(footprint.size()).as("one figure per layer").isEqualTo(4);
        for (JsonNode bytes : footprint) {
            assertThat(bytes.asLong()).isPositive();
        }
        // layer 0 (20 channels at 28 x 28) holds more than layer 2 (80 channels at 7 x 7)
        assertThat(footprint.get(0).asLong()).isGreaterThan(footprint.get(2).asLong());

        writers();
        assertThat(run("train", "--resume", run.toString(), "--threads", "1")).isEqualTo(2);
        assertOneErrorLine("finished all 1 epochs", "--epochs 2");

        writers();
        assertThat(run("train", "--resume", run.toString(), "--epochs", "1")).isEqualTo(2);
        assertOneErrorLine("has done 1 epochs already", "must be above 1");

        writers();
        assertThat(run("train", "--resume", run.toString(), "--epochs", "2", "--set", "model.width=0.3"))
                .isEqualTo(2);
        assertOneErrorLine("only --epochs");

        writers();
        code = run("train", "--resume", run.toString(), "--epochs", "2", "--threads", "1", "--progress-every", "60");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).startsWith("resuming " + run + " from epoch 2 of 2 (1 done)")
                .contains("epoch 2/2  test");
        assertThat(out.toString()).contains("2 epochs");
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("epochs: 2");
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(2);

        writers();
        assertThat(run("runs", dir.toString())).isZero();
        assertThat(out.toString()).contains(run + "  caw-conv", "fashion-mnist", "2/2", "%", "finished");
    }
}
