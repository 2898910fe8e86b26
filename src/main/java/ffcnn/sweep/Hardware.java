package ffcnn.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run ran on, in words: CPU model (from /proc/cpuinfo where there is one) and cores. */
final class Hardware {

    private Hardware() {
    }

    static String describe() {
        String model = System.getProperty("os.arch");
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                model = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                        .findFirst().orElse(model);
            } catch (IOException | java.io.UncheckedIOException e) {
                // keep the architecture's name
            }
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }
}
