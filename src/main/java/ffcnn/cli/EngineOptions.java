package ffcnn.cli;

import ffcnn.nn.Devices;
import picocli.CommandLine.Option;

/** Options shared by commands that run the engine: thread count, device and quiet mode. */
public final class EngineOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "Engine threads (default: all cores, ${sys:ffcnn.cores}).")
    Integer threads;

    @Option(names = "--device", paramLabel = "cpu|gpu",
            description = "Where arrays live (default: the best present, a GPU when the engine has CUDA and sees one).")
    String device;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    static {
        System.setProperty("ffcnn.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }

    /** Applies the thread count, then chooses the device; must run before the engine is first used. */
    void apply() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new ffcnn.UserInputException("--threads must be >= 1, got " + n);
        }
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.offline", "true");
        Devices.select(device);
    }
}
