package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ffcnn bench}: ffcnn's step beside the reference step, and the figure its concurrent processes print. */
class BenchCommandTest extends CommandLineTest {

    @Test
    void printsTheSpeedUpOverTheReferenceAndBothStepsPhases() {
        int code = run("bench", "--batches", "1", "--warmup", "0", "--rounds", "1", "--batch-size", "8",
                "--threads", "1", "--device", "cpu");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("device cpu", "reference step: plain fp32 engine calls",
                "speed-up over the reference step: ").containsPattern("(?m)^ffcnn +[0-9.]+ms")
                .containsPattern("(?m)^reference +[0-9.]+ms");
        assertThat(text.lines().filter(l -> l.matches("^[0-3] .*")).count()).as("one row per layer").isEqualTo(4);
    }

    @Test
    void aConcurrentProcessPrintsTheRateItsParentReads() {
        int code = run("bench", "--ffcnn-only", "--batches", "1", "--warmup", "0", "--rounds", "1",
                "--batch-size", "8", "--threads", "1", "--device", "cpu");
        assertThat(code).as(err.toString()).isZero();
        String last = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).matches("training: [0-9.]+ images/s \\(ffcnn\\)");
        writers();
        assertThat(run("bench", "--concurrent", "0")).isEqualTo(2);
        assertOneErrorLine("--concurrent must be >= 1, got 0");
    }

    @Test
    void timesThePipelineOfAMethodWithAReadOut() {
        int code = run("bench", "--pipeline", "--method", "ff", "--set", "model.width=0.05", "--batches", "2",
                "--warmup", "0", "--rounds", "1", "--batch-size", "8", "--threads", "1", "--device", "cpu");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("sequential: [0-9.]+ images/s")
                .containsPattern("pipelined: [0-9.]+ images/s \\([0-9]+ stages at once")
                .containsPattern("pipelined speed-up over sequential: [0-9.]+");
    }

    @Test
    void timesAnotherNetworkWithoutTheReferenceWrittenForTheTinyCnn() {
        int code = run("bench", "--arch", "resnet17", "--preset", "paper", "--batches", "1", "--warmup", "0",
                "--rounds", "1", "--batch-size", "4", "--threads", "1", "--device", "cpu");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("caw-conv resnet17, fashion-mnist (preset paper)",
                "reference step: written for CAW-Conv's TinyCNN only, not timed for caw-conv resnet17")
                .containsPattern("training: [0-9.]+ images/s \\(ffcnn\\)").doesNotContain("speed-up");
        assertThat(text.lines().filter(l -> l.matches("^[0-9]+ .*ms$")).count()).as("one row per layer")
                .isEqualTo(17);
        writers();
        assertThat(run("bench", "--arch", "no-such-net", "--batches", "1")).isEqualTo(2);
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
    }
}
