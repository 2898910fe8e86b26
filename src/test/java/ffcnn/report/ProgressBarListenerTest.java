package ffcnn.report;

import static org.assertj.core.api.Assertions.assertThat;

import ffcnn.train.EpochMetrics;
import ffcnn.train.RunInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarListenerTest {

    @Test
    void drawsOnGivenStreamOnly() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        List<EpochMetrics> history = Histories.of(2, 3);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ProgressBarListener listener = new ProgressBarListener(new PrintStream(err, true, StandardCharsets.UTF_8));
            listener.onTrainingStart(new RunInfo("ff", "mnist", 2, 0, 400, 3));
            for (int e = 0; e < 2; e++) {
                listener.onEpochStart(e, 4);
                for (int b = 0; b < 4; b++) {
                    listener.onBatchEnd(e, b, 100, 0.5);
                }
                listener.onEpochEnd(history.get(e), history.subList(0, e + 1));
            }
            listener.onTrainingEnd();
        } finally {
            System.setOut(savedOut);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(out.size()).isZero();
        assertThat(text).contains("epoch 1/2", "epoch 2/2", "4/4", "img/s", "loss 0.5000",
                "test softmax 0.6900 goodness-sum 0.6400", "14.0 s");
    }

    @Test
    void summaryLineWithoutKnownEpochCount() {
        EpochMetrics m = Histories.of(1, 1).get(0);
        assertThat(ProgressBarListener.summaryLine(m, 0))
                .isEqualTo("epoch 1  test softmax 0.6900 goodness-sum 0.6400  14.0 s");
    }

    @Test
    void withoutATerminalPrintsProgressLinesAtTheInterval() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBarListener listener = new ProgressBarListener(new PrintStream(err, true, StandardCharsets.UTF_8),
                false, java.time.Duration.ZERO);
        listener.onTrainingStart(new RunInfo("ff", "mnist", 3, 0, 400, 3));
        listener.onEpochStart(0, 4);
        for (int b = 0; b < 4; b++) {
            listener.onBatchEnd(0, b, 100, 0.25);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(5);
        assertThat(text.lines().toList().get(3)).startsWith("training will take ~")
                .endsWith("(from the first 4 batches; evaluation after each epoch not included)");
        assertThat(text).contains("epoch 1/3  batch 1/4  ", "epoch 1/3  batch 4/4  ", "img/s", "loss 0.2500",
                "epoch ends in 0.0 s", "training ends in ~").doesNotContain("\r");
    }

    @Test
    void withoutATerminalAndBeforeTheIntervalOnlyTheEstimateAndTheEpochLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBarListener listener = new ProgressBarListener(new PrintStream(err, true, StandardCharsets.UTF_8),
                false, java.time.Duration.ofHours(1));
        listener.onTrainingStart(new RunInfo("ff", "mnist", 1, 0, 400, 3));
        listener.onEpochStart(0, 40);
        for (int b = 0; b < 40; b++) {
            listener.onBatchEnd(0, b, 100, 0.25);
        }
        listener.onEpochEnd(Histories.of(1, 1).get(0), Histories.of(1, 1));
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(2);
        assertThat(text).startsWith("training will take ~").contains("first 10 batches");
    }

}
