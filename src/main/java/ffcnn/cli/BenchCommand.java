package ffcnn.cli;

import ai.djl.ndarray.NDManager;
import ffcnn.bench.PhaseTimes;
import ffcnn.bench.TrainingBenchmark;
import ffcnn.data.DataSplits;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.method.TrainedModel;
import ffcnn.method.TrainingRun;
import ffcnn.nn.Devices;
import ffcnn.nn.Network;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ffcnn bench}: training speed of a method's network (CAW-Conv TinyCNN on Fashion-MNIST by default) and,
 * for the TinyCNN, ffcnn's step against the same step written with bare engine calls.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchDataCommand.class,
        description = "Time training steps: images/s and time per layer and phase, by default of CAW-Conv TinyCNN "
                + "on Fashion-MNIST next to the same step with bare engine calls (the reference). --arch resnet17 "
                + "(or --dataset cifar10 --preset paper) times the papers' network.")
public final class BenchCommand extends EngineCommand {

    @Option(names = "--batches", defaultValue = "30", description = "Timed batches of each kind. Default: ${DEFAULT-VALUE}.")
    int batches;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed batches first. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--rounds", defaultValue = "3", description = "Alternating rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--batch-size", defaultValue = "128", description = "Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--method", defaultValue = "caw-conv",
            description = "Method whose step is timed (see `ffcnn methods`). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--preset", defaultValue = "quick", description = "Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--arch", paramLabel = "NAME", description = "Time this network instead of the preset's "
            + "(model.arch: tiny-cnn, vgg, resnet17, ...). The reference step exists for the TinyCNN only.")
    String arch;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a preset key, e.g. --set "
            + "train.pipeline.stages=4 or --set model.width=0.5.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--concurrent", paramLabel = "N", description = "Instead: time ffcnn's step in one process "
            + "alone, then in N processes started together, each with its share of the cores, and print each one's "
            + "images/s over the one alone.")
    Integer concurrent;

    @Option(names = "--pipeline", description = "Instead: time the sequential step and the layer pipeline "
            + "(train.schedule: pipelined, its stages and queues from the preset's train.pipeline) on the same batches"
            + " and print the pipelined speed-up over sequential.")
    boolean pipeline;

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
        List<String> overrides = new ArrayList<>(List.of("data.limit_train=" + Math.max(batchSize * 8, 1024),
                "data.limit_valid=1", "data.limit_test=1", "data.augment=false"));
        if (arch != null) {
            overrides.add("model.arch=" + arch);
        }
        overrides.addAll(sets);
        RunConfig config = PresetLoader.load(method, dataset, preset, overrides);
        DataSplits data = TrainingRun.load(config, dataOption.dataDir);
        out.printf("%s %s, %s (preset %s), batch %d, %s threads, device %s, %d timed batches%n", method,
                config.model().arch(), data.dataset(), preset, batchSize,
                System.getProperty("ai.djl.pytorch.num_threads"), Devices.describe(), batches);
        out.flush();
        TrainingBenchmark b;
        boolean reference;
        try (NDManager m = Devices.newManager();
                Network net = TrainedModel.fresh(config, data.train().channels(), data.numClasses(), m)) {
            TrainingRun.checkInputSide(config, net, data);
            if (pipeline) {
                return pipeline(out, net, config, data);
            }
            reference = !ffcnnOnly && TrainingBenchmark.hasReference(method, net);
            if (!ffcnnOnly && !reference) {
                out.printf("reference step: written for CAW-Conv's TinyCNN only, not timed for %s %s%n", method,
                        config.model().arch());
                out.flush();
            }
            b = TrainingBenchmark.run(net, config.train(), data, batchSize, warmup, batches, rounds, reference,
                    () -> waitForStart(out));
        }
        print(out, b, reference);
        return 0;
    }

    private int pipeline(PrintWriter out, Network net, RunConfig config, DataSplits data) {
        int threads = ffcnn.train.Pipeline.engineThreads();
        var p = ffcnn.bench.PipelineBenchmark.run(net, config.train(), config.train().pipeline(), threads, data,
                batchSize, warmup, batches, rounds);
        int[] bounds = p.bounds();
        List<String> stages = new ArrayList<>();
        for (int s = 0; s + 1 < bounds.length; s++) {
            stages.add(bounds[s + 1] - bounds[s] == 1 ? "unit " + bounds[s]
                    : "units " + bounds[s] + "-" + (bounds[s + 1] - 1));
        }
        out.printf("sequential: %.1f images/s (%d threads per operation)%n", p.sequential(), threads);
        out.printf("pipelined: %.1f images/s (%d stages at once: %s; %d thread(s) each, queue depth %d)%n",
                p.pipelined(), stages.size(), String.join(" | ", stages), p.stageThreads(),
                config.train().pipeline().depth());
        out.printf("pipelined speed-up over sequential: %.3f%n", p.speedUp());
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
        List<String> args = new ArrayList<>(List.of("bench", "--ffcnn-only", "--start-on-input", "--batches",
                String.valueOf(batches), "--warmup", String.valueOf(warmup), "--rounds", "1", "--batch-size",
                String.valueOf(batchSize), "--method", method, "--dataset", dataset, "--preset", preset));
        if (arch != null) {
            args.addAll(List.of("--arch", arch));
        }
        ConcurrentBench c = new ConcurrentBench(dataOption.dataDir, engine.device, args);
        out.printf("ffcnn's training step (%s on %s, preset %s%s, batch %d, %d timed batches): one process"
                + " with %d threads alone, then %d processes at once with %d threads each (OMP_WAIT_POLICY=PASSIVE)%n",
                method, dataset, preset, arch == null ? "" : ", " + arch, batchSize, batches, cores, concurrent,
                ffcnn.method.TrainingProcess.share(cores, concurrent));
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

    private void print(PrintWriter out, TrainingBenchmark b, boolean reference) {
        if (!reference) {
            out.printf("training: %.1f images/s (ffcnn)%n", b.images());
        } else {
            out.printf("training: %.1f images/s (ffcnn), %.1f images/s (reference step: plain fp32 engine calls)%n",
                    b.images(), b.bareImages());
            out.printf("speed-up over the reference step: %.3f%n", b.speedUp());
        }
        if (ffcnnOnly) {
            return;
        }
        phaseHeader(out, "per batch");
        phases(out, "ffcnn", b.ffcnn());
        if (reference) {
            phases(out, "reference", b.bare());
        }
        layers(out, b, reference);
    }

    private static void phaseHeader(PrintWriter out, String first, String... more) {
        out.printf("%-10s", first);
        for (String p : PhaseTimes.PHASES) {
            out.printf(" %10s", p);
        }
        out.printf(" %10s", "total");
        for (String m : more) {
            out.printf(" %10s", m);
        }
        out.println();
    }

    private void layers(PrintWriter out, TrainingBenchmark b, boolean reference) {
        if (reference) {
            phaseHeader(out, "layer", "reference");
        } else {
            phaseHeader(out, "layer");
        }
        PhaseTimes f = b.ffcnn();
        for (int l = 0; l < f.layers(); l++) {
            out.printf("%-10d", l);
            for (int p = 0; p < PhaseTimes.PHASES.length; p++) {
                out.printf(" %8.1fms", 1000 * f.seconds(l, p) / batches);
            }
            out.printf(" %8.1fms", 1000 * f.layerSeconds(l) / batches);
            out.println(reference ? String.format(" %8.1fms", 1000 * b.bare().layerSeconds(l) / batches) : "");
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
