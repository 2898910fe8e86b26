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
@Command(name = "bench", mixinStandardHelpOptions = true,
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

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter out) {
        RunConfig config = PresetLoader.load("caw-conv", "fashion-mnist", "quick", List.of());
        DataSplits data = Datasets.load(new DataRequest("fashion-mnist", dataOption.dataDir, -1, 2222,
                Math.max(batchSize * 8, 1024), 1, 1, false));
        out.printf("CAW-Conv TinyCNN, Fashion-MNIST, batch %d, %s threads, device %s, %d timed batches%n", batchSize,
                System.getProperty("ai.djl.pytorch.num_threads"), Devices.describe(), batches);
        out.flush();
        TrainingBenchmark b;
        try (NDManager m = Devices.newManager();
                Network net = TrainedModel.fresh(config, data.train().channels(), data.numClasses(), m)) {
            b = TrainingBenchmark.run(net, config.train(), data, batchSize, warmup, batches, rounds);
        }
        print(out, b);
        return 0;
    }

    private void print(PrintWriter out, TrainingBenchmark b) {
        out.printf("training: %.1f images/s (ffcnn), %.1f images/s (bare engine calls)%n", b.images(), b.bareImages());
        out.printf("overhead of ffcnn over the engine: %.3f (target <= 1.15)%n", b.overhead());
        out.printf("%-8s", "layer");
        for (String p : PhaseTimes.PHASES) {
            out.printf(" %10s", p);
        }
        out.printf(" %10s %10s%n", "total", "bare");
        PhaseTimes f = b.ffcnn();
        for (int l = 0; l < f.layers(); l++) {
            out.printf("%-8d", l);
            for (int p = 0; p < PhaseTimes.PHASES.length; p++) {
                out.printf(" %9.1fms", 1000 * f.seconds(l, p) / batches);
            }
            out.printf(" %8.1fms %8.1fms%n", 1000 * f.layerSeconds(l) / batches, 1000 * b.bare().layerSeconds(l) / batches);
        }
        out.printf("%-8s", "all");
        for (int p = 0; p < PhaseTimes.PHASES.length; p++) {
            out.printf(" %9.1fms", 1000 * f.phaseSeconds(p) / batches);
        }
        out.println();
        out.println("(times are per batch)");
        out.flush();
    }
}
