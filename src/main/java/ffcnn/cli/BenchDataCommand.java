package ffcnn.cli;

import ai.djl.ndarray.NDManager;
import ffcnn.bench.DataBenchmark;
import ffcnn.data.DataSplits;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.method.TrainedModel;
import ffcnn.method.TrainingRun;
import ffcnn.nn.Network;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ffcnn bench data}: is the disk or the model the bottleneck of a run? */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Images/s the data pipeline delivers (decoding, scaling, batching) next to images/s of the "
                + "training step of a method and preset, each timed alone, in one process.")
public final class BenchDataCommand extends EngineCommand {

    @Option(names = "--method", defaultValue = "caw-conv", description = "Method (see `ffcnn methods`). Default: ${DEFAULT-VALUE}.")
    String method;

    @Mixin
    PresetOptions presetOptions;

    @Option(names = "--batches", defaultValue = "20",
            description = "Batches read from the data, and training steps timed. Default: ${DEFAULT-VALUE}.")
    int batches;

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter out) {
        if (batches < 1) {
            throw new ffcnn.UserInputException("--batches must be >= 1, got " + batches);
        }
        RunConfig config = PresetLoader.load(method, presetOptions.dataset, presetOptions.preset,
                presetOptions.overrides());
        DataSplits data = TrainingRun.load(config, dataOption.dataDir);
        int batchSize = config.train().batchSize();
        DataBenchmark b;
        try (NDManager m = ffcnn.nn.Devices.newManager();
                Network net = TrainedModel.fresh(config, data.train().channels(), data.numClasses(), m)) {
            b = DataBenchmark.run(net, config.train(), data, batchSize, batches, batches);
        }
        out.printf("%s, preset %s, on %s (%,d training images, %dx%dx%d), batch %d, %s engine threads%n", method,
                presetOptions.preset, data.dataset(), data.train().size(), data.train().channels(),
                data.train().height(), data.train().width(), batchSize,
                System.getProperty("ai.djl.pytorch.num_threads", "?"));
        out.printf("data pipeline: %.1f images/s (%d batches, %s)%n", b.pipelineImages(), b.pipelineBatches(),
                data.train() instanceof ffcnn.data.FolderSource
                        ? "decoded from disk by " + Runtime.getRuntime().availableProcessors() + " threads"
                        : "decoded into memory when loaded");
        out.printf("training step: %.1f images/s (%d batches)%n", b.stepImages(), b.stepBatches());
        out.printf("bottleneck: %s (the pipeline delivers %.2fx what the step consumes)%n", b.bottleneck(),
                b.pipelineImages() / b.stepImages());
        return 0;
    }
}
