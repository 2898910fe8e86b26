package ffcnn.report;

import ffcnn.train.EpochMetrics;
import ffcnn.train.RunInfo;
import ffcnn.train.TrainingListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress on the given stream (stderr in the CLI, which adds this listener only without
 * {@code --quiet}): one bar per epoch, {@code epoch e/E} with batches done/total, images per second and
 * the running mean loss, then, when the epoch ends, one line such as
 * {@code epoch 3/10  test softmax 0.9123  goodness 0.9011  14.0 s}. Without a terminal (a log file) there
 * are no bars but a progress line at a steady interval. Never writes to {@code System.out}.
 */
public final class ProgressBarListener implements TrainingListener {

    private static final int WIDTH = 110;
    /** Batches timed before the estimate of the whole training time (the first ones are slower). */
    private static final int ESTIMATE_AFTER = 10;

    private final PrintStream err;
    private final boolean bars;
    private final long lineEveryNanos;
    private int epochs;
    private int batches;
    private long lastLineNanos;
    private int firstEpoch = -1;
    private boolean estimated;
    private ProgressBar bar;
    private long epochStartNanos;
    private long images;
    private double lossSum;

    /** A listener drawing on {@code err}. */
    public ProgressBarListener(PrintStream err) {
        this(err, true);
    }

    /**
     * A listener writing to {@code err}; without {@code bars} (output to a file or pipe rather than a
     * terminal) only the line at each epoch's end is printed.
     */
    public ProgressBarListener(PrintStream err, boolean bars) {
        this(err, bars, Duration.ofSeconds(30));
    }

    /**
     * A listener writing to {@code err}; without {@code bars} it prints, besides each epoch's line, a
     * progress line (batches done, images/s, running loss, time left) every {@code lineEvery}.
     */
    public ProgressBarListener(PrintStream err, boolean bars, Duration lineEvery) {
        this.err = err;
        this.bars = bars;
        this.lineEveryNanos = lineEvery.toNanos();
    }

    @Override
    public void onTrainingStart(RunInfo run) {
        epochs = run.epochs();
        firstEpoch = run.firstEpoch();
        estimated = false;
    }

    @Override
    public void onEpochStart(int epoch, int batches) {
        closeBar();
        epochStartNanos = System.nanoTime();
        lastLineNanos = epochStartNanos;
        this.batches = batches;
        images = 0;
        lossSum = 0;
        if (!bars) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName(epochLabel(epoch))
                .setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err, WIDTH))
                .build();
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int images, double loss) {
        this.images += images;
        lossSum += loss * images;
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - epochStartNanos) / 1e9);
        double meanLoss = this.images == 0 ? Double.NaN : lossSum / this.images;
        if (bar == null) {
            if (!bars && !estimated && epoch == firstEpoch && batch + 1 == Math.min(batches, ESTIMATE_AFTER)) {
                estimated = true;
                err.println(estimateLine(epoch, batch + 1, seconds));
            }
            if (!bars && now - lastLineNanos >= lineEveryNanos) {
                lastLineNanos = now;
                err.println(progressLine(epoch, batch + 1, this.images / seconds, meanLoss, seconds));
                err.flush();
            }
            return;
        }
        bar.stepTo(batch + 1L);
        bar.setExtraMessage(String.format(Locale.ROOT, "%.0f img/s  loss %.4f", this.images / seconds, meanLoss));
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, List<EpochMetrics> history) {
        closeBar();
        err.println(summaryLine(metrics, epochs));
        err.flush();
    }

    @Override
    public void onTrainingEnd() {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private String epochLabel(int epoch) {
        return epochs > 0 ? "epoch " + (epoch + 1) + "/" + epochs : "epoch " + (epoch + 1);
    }

    /** "training will take ~12 min (from the first 10 batches; evaluation after each epoch not included)". */
    private String estimateLine(int epoch, int done, double seconds) {
        double total = seconds / done * batches * (epochs - epoch);
        return "training will take ~" + Formats.duration(total) + " (from the first " + done
                + " batches; evaluation after each epoch not included)";
    }

    /** A progress line within an epoch, for logs: {@code epoch 2/10  batch 40/600  812 img/s  loss 0.4123  ...}. */
    private String progressLine(int epoch, int done, double imagesPerSecond, double meanLoss, double seconds) {
        double perBatch = seconds / done;
        double epochLeft = perBatch * (batches - done);
        String line = String.format(Locale.ROOT, "%s  batch %d/%d  %.0f img/s  loss %.4f  epoch ends in %s",
                epochLabel(epoch), done, batches, imagesPerSecond, meanLoss, Formats.duration(epochLeft));
        if (epochs > epoch + 1) {
            line += "  training ends in ~" + Formats.duration(epochLeft + perBatch * batches * (epochs - epoch - 1));
        }
        return line;
    }

    /** The one line printed at an epoch's end; {@code epochs} <= 0 when unknown. */
    static String summaryLine(EpochMetrics m, int epochs) {
        StringBuilder line = new StringBuilder("epoch ").append(m.epoch() + 1);
        if (epochs > 0) {
            line.append('/').append(epochs);
        }
        Map<String, Double> test = m.testAccuracy();
        if (!test.isEmpty()) {
            line.append("  test");
            test.forEach((name, acc) -> line.append(' ').append(name)
                    .append(String.format(Locale.ROOT, " %.4f", acc)));
        }
        line.append(String.format(Locale.ROOT, "  %.1f s", m.trainSeconds() + m.evalSeconds()));
        return line.toString();
    }
}
