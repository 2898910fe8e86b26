package ffcnn.cli;

import ai.djl.ndarray.NDManager;
import ffcnn.bench.PhaseTimes;
import ffcnn.bench.TrainingBenchmark;
import ffcnn.data.DataRequest;
import ffcnn.data.DataSplits;
import ffcnn.data.Datasets;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.method.TrainedModel;
import ffcnn.nn.Devices;
import ffcnn.nn.Network;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ffcnn bench}: training speed of CAW-Conv TinyCNN and ffcnn's overhead over the bare engine. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchDataCommand.class,
        description = "Time CAW-Conv TinyCNN training on Fashion-MNIST: images/s, time per layer and phase, "
                + "and the same step with bare engine calls.")
public final class BenchCommand extends EngineCommand {

    @Option(names = "--batches", defaultValue = "30", description = "Timed batches of each kind. Default: ${DEFAULT-VALUE}.")
    int batches;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed batches first. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--rounds", defaultValue = "3", description = "Alternating rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--batch-size", defaultValue = "128", description = "Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--concurrent", paramLabel = "N", description = "Instead: time ffcnn's step in one process "
            + "alone, then in N processes started together, each with its share of the cores, and print each one's "
            + "images/s over the one alone.")
    Integer concurrent;

    @Option(names = "--ffcnn-only", hidden = true, description = "Time ffcnn's step only (the processes of --concurrent).")
    boolean ffcnnOnly;

    @Option(names = "--start-on-input", hidden = true,
            description = "After the warm-up, print 'ready' and wait for a line on stdin before timing.")
    boolean startOnInput;

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter out) {
        if (concurrent != null) {
            return concurrent(out);
        }
        RunConfig config = PresetLoader.load("caw-conv", "fashion-mnist", "quick", List.of());
        DataSplits data = Datasets.load(new DataRequest("fashion-mnist", dataOption.dataDir, -1, 2222,
                Math.max(batchSize * 8, 1024), 1, 1, false));
        out.printf("CAW-Conv TinyCNN, Fashion-MNIST, batch %d, %s threads, device %s, %d timed batches%n", batchSize,
                System.getProperty("ai.djl.pytorch.num_threads"), Devices.describe(), batches);
        out.flush();
        TrainingBenchmark b;
        try (NDManager m = Devices.newManager();
                Network net = TrainedModel.fresh(config, data.train().channels(), data.numClasses(), m)) {
            b = TrainingBenchmark.run(net, config.train(), data, batchSize, warmup, batches, rounds, !ffcnnOnly,
                    () -> waitForStart(out));
        }
        print(out, b);
        return 0;
    }

    private void waitForStart(PrintWriter out) {
        if (!startOnInput) {
            return;
        }
        out.println(ConcurrentBench.READY);
        out.flush();
        try {
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                    .readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the start signal: " + e.getMessage(), e);
        }
    }

    private int concurrent(PrintWriter out) {
        if (concurrent < 1) {
            throw new ffcnn.UserInputException("--concurrent must be >= 1, got " + concurrent);
        }
        int cores = engine.threads != null ? engine.threads : Runtime.getRuntime().availableProcessors();
        List<String> args = List.of("bench", "--ffcnn-only", "--start-on-input", "--batches", String.valueOf(batches),
                "--warmup", String.valueOf(warmup), "--rounds", "1", "--batch-size", String.valueOf(batchSize));
        ConcurrentBench c = new ConcurrentBench(dataOption.dataDir, engine.device, args);
        out.printf("ffcnn's training step (CAW-Conv TinyCNN, Fashion-MNIST, batch %d, %d timed batches): one process"
                + " with %d threads alone, then %d processes at once with %d threads each (OMP_WAIT_POLICY=PASSIVE)%n",
                batchSize, batches, cores, concurrent, ffcnn.method.TrainingProcess.share(cores, concurrent));
        out.flush();
        double alone = c.run(1, cores)[0];
        out.printf("alone: %.1f images/s%n", alone);
        out.flush();
        double[] each = c.run(concurrent, ffcnn.method.TrainingProcess.share(cores, concurrent));
        double sum = 0;
        for (int i = 0; i < each.length; i++) {
            out.printf("process %d of %d at once: %.1f images/s, %.2f of one alone%n", i + 1, concurrent, each[i],
                    each[i] / alone);
            sum += each[i];
        }
        out.printf("together: %.1f images/s, %.2f of one alone (target: each >= %.2f)%n", sum, sum / alone,
                0.5 * 2 / concurrent);
        return 0;
    }

    private void print(PrintWriter out, TrainingBenchmark b) {
        if (ffcnnOnly) {
            out.printf("training: %.1f images/s (ffcnn)%n", b.images());
            return;
        }
        out.printf("training: %.1f images/s (ffcnn), %.1f images/s (reference step: plain fp32 engine calls)%n",
                b.images(), b.bareImages());
        out.printf("speed-up over the reference step: %.3f%n", b.speedUp());
        out.printf("%-10s", "per batch");
        for (String p : PhaseTimes.PHASES) {
            out.printf(" %10s", p);
        }
        out.printf(" %10s%n", "total");
        phases(out, "ffcnn", b.ffcnn());
        phases(out, "reference", b.bare());
        out.printf("%-10s", "layer");
        for (String p : PhaseTimes.PHASES) {
            out.printf(" %10s", p);
        }
        out.printf(" %10s %10s%n", "total", "reference");
        PhaseTimes f = b.ffcnn();
        for (int l = 0; l < f.layers(); l++) {
            out.printf("%-10d", l);
            for (int p = 0; p < PhaseTimes.PHASES.length; p++) {
                out.printf(" %8.1fms", 1000 * f.seconds(l, p) / batches);
            }
            out.printf(" %8.1fms %8.1fms%n", 1000 * f.layerSeconds(l) / batches,
                    1000 * b.bare().layerSeconds(l) / batches);
        }
        out.println("(times are per batch; the layer rows are ffcnn's)");
        out.flush();
    }

    private void phases(PrintWriter out, String name, PhaseTimes t) {
        out.printf("%-10s", name);
        double total = 0;
        for (int p = 0; p < PhaseTimes.PHASES.length; p++) {
            out.printf(" %8.1fms", 1000 * t.phaseSeconds(p) / batches);
            total += t.phaseSeconds(p);
        }
        out.printf(" %8.1fms%n", 1000 * total / batches);
    }
}
