package ffcnn.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.ndarray.NDManager;
import ffcnn.UserInputException;
import java.util.Locale;

/**
 * The device arrays live on ({@code --device cpu | gpu}): chosen once per process, before the first array,
 * and used by every array manager ffcnn opens ({@link #newManager}). Without a choice it is the best device
 * present: the first GPU when the engine was built with CUDA and sees one, else the CPU.
 */
public final class Devices {

    /** Names accepted by {@link #select}. */
    public static final String NAMES = "cpu, gpu";

    private static volatile Device chosen;

    private Devices() {
    }

    /**
     * Chooses the device by {@code name} ({@code cpu}, {@code gpu}, or null for the best present) and
     * returns it; a GPU that is not there is a user error (one line, exit status 2).
     */
    public static Device select(String name) {
        Device d = resolve(name, gpusAvailable());
        chosen = d;
        return d;
    }

    /**
     * The device called {@code name} on a machine where the engine sees {@code gpus} usable GPUs (0 without
     * CUDA support in the engine).
     */
    static Device resolve(String name, int gpus) {
        if (name == null) {
            return gpus > 0 ? Device.gpu() : Device.cpu();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new UserInputException("--device gpu: no GPU is usable here (the engine "
                            + (Engine.getInstance().hasCapability(StandardCapabilities.CUDA)
                                    ? "sees no CUDA device" : "has no CUDA support; see README.md, Devices")
                            + "); use --device cpu");
                }
                yield Device.gpu();
            }
            default -> throw new UserInputException("--device: unknown device '" + name + "' (known: " + NAMES + ")");
        };
    }

    /** GPUs the engine can use: 0 unless it was built with CUDA and sees a device. */
    public static int gpusAvailable() {
        Engine e = Engine.getInstance();
        return e.hasCapability(StandardCapabilities.CUDA) ? e.getGpuCount() : 0;
    }

    /** The device in use: the one chosen, or the best present when none was. */
    public static Device current() {
        Device d = chosen;
        if (d == null) {
            d = select(null);
        }
        return d;
    }

    /** A fresh root array manager on the current device. */
    public static NDManager newManager() {
        return NDManager.newBaseManager(current());
    }

    /** The current device as a user reads it: {@code cpu} or {@code gpu 0}. */
    public static String describe() {
        Device d = current();
        return d.isGpu() ? "gpu " + d.getDeviceId() : "cpu";
    }
}
