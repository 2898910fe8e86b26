package ffcnn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceUsageTest {

    @Test
    void parsesKilobyteLines() {
        List<String> status = List.of("Name:\tjava", "VmHWM:\t  2048 kB", "VmRSS:\t  1024 kB");
        assertThat(ResourceUsage.parseKilobytes(status, "VmHWM:")).isEqualTo(2048L * 1024);
        assertThat(ResourceUsage.parseKilobytes(status, "VmSwap:")).isEqualTo(-1);
    }

    @Test
    void reportsProcessMemory() {
        assertThat(ResourceUsage.heapUsedBytes()).isPositive();
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            long current = ResourceUsage.currentRssBytes();
            assertThat(current).isPositive();
            assertThat(ResourceUsage.peakRssBytes()).isGreaterThanOrEqualTo(current);
        }
    }
}
