package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ffcnn.nn.Devices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options and values that must be refused up front: exit 2, one line naming the one wrong option or key. */
class BadInputTest extends CommandLineTest {

    @TempDir
    Path dir;

    private int train(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = dir.resolve("run").toString();
        return run(all);
    }

    @Test
    void aDeviceThatIsNotThereIsOneLine() {
        assertThat(train("--device", "tpu")).isEqualTo(2);
        assertOneErrorLine("--device: unknown device 'tpu' (known: cpu, gpu)");
        assumeTrue(Devices.gpusAvailable() == 0, "a GPU is present");
        writers();
        assertThat(train("--device", "gpu")).isEqualTo(2);
        assertOneErrorLine("--device gpu: no GPU is usable here", "use --device cpu");
    }

    @Test
    void aNetworkThatCannotTakeTheImagesSizeNamesOneThatFits() {
        assertThat(train("--set", "model.arch=resnet17", "--limit-train", "64", "--limit-valid", "16",
                "--limit-test", "16")).isEqualTo(2);
        String last = err.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("ffcnn: model.arch resnet17 cannot take 28x28 images: layer 12's 7x7 input gives"
                + " a 7x7 output").endsWith("model.input_size=32");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void negativeLimitsAreRefused() {
        assertThat(train("--limit-train", "-5")).isEqualTo(2);
        assertOneErrorLine("data.limit_train must be >= 0", "got -5");
        writers();
        assertThat(train("--limit-test", "-1")).isEqualTo(2);
        assertOneErrorLine("data.limit_test", "got -1");
    }

    @Test
    void epochsAndBatchSizeNameTheOneThatIsWrong() {
        assertThat(train("--epochs", "0")).isEqualTo(2);
        assertOneErrorLine("train.epochs must be >= 1, got 0");
        assertThat(err.toString()).doesNotContain("batch_size");
        writers();
        assertThat(train("--batch-size", "0")).isEqualTo(2);
        assertOneErrorLine("train.batch_size must be >= 1, got 0");
        assertThat(err.toString()).doesNotContain("epochs");
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThat(train("--lr", "NaN")).isEqualTo(2);
        assertOneErrorLine("train.lr must be a finite number, got NaN");
        writers();
        assertThat(train("--set", "train.lr=NaN")).isEqualTo(2);
        assertOneErrorLine("train.lr must be a finite number");
        writers();
        assertThat(train("--set", "train.weight_decay=.inf")).isEqualTo(2);
        assertOneErrorLine("train.weight_decay must be a finite number");
        writers();
        assertThat(train("--set", "objective.entropy_weight=-Infinity")).isEqualTo(2);
        assertOneErrorLine("objective.entropy_weight must be a finite number");
    }

    @Test
    void parseErrorsAreOneLineWithoutTheUsage() {
        assertThat(train("--lr", "nan")).isEqualTo(2);
        assertOneErrorLine("'nan' is not a double", "--help");
        assertThat(err.toString()).doesNotContain("Usage");
        writers();
        assertThat(run("train", "--no-such-option")).isEqualTo(2);
        assertOneErrorLine("--no-such-option", "ffcnn train --help");
    }

    @Test
    void setTypeErrorsSayWhatTheKeyMustBe() {
        assertThat(train("--set", "train.epochs=abc")).isEqualTo(2);
        assertOneErrorLine("train.epochs must be an integer, got 'abc'");
        assertThat(err.toString()).doesNotContain("Cannot deserialize");
        writers();
        assertThat(train("--set", "train.epochs=1.5")).isEqualTo(2);
        assertOneErrorLine("train.epochs must be an integer, got 1.5");
        writers();
        assertThat(train("--set", "train.lr=fast")).isEqualTo(2);
        assertOneErrorLine("train.lr must be a number, got 'fast'");
        writers();
        assertThat(train("--set", "train.epochs=[1,")).isEqualTo(2);
        assertOneErrorLine("train.epochs=[1,", "bad value");
    }
}
