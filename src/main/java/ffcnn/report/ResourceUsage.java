package ffcnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory figures of this process for summaries and benchmarks. Resident set sizes come from
 * {@code /proc/self/status} (Linux); elsewhere they are -1. Native memory (PyTorch tensors) shows in the
 * resident set, not in the heap.
 */
public final class ResourceUsage {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResourceUsage() {
    }

    /** Peak resident set size in bytes ({@code VmHWM}), or -1 when unavailable. */
    public static long peakRssBytes() {
        return statusKilobytes("VmHWM:");
    }

    /** Current resident set size in bytes ({@code VmRSS}), or -1 when unavailable. */
    public static long currentRssBytes() {
        return statusKilobytes("VmRSS:");
    }

    /**
     * Peak bytes of Java heap used since the JVM started: the sum of every heap pool's peak (an upper bound of
     * the heap's peak, as the pools peak at different times).
     */
    public static long peakHeapBytes() {
        long sum = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Bytes of Java heap in use now (total minus free). */
    public static long heapUsedBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long statusKilobytes(String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(STATUS);
        } catch (IOException | SecurityException e) {
            return -1;
        }
        return parseKilobytes(lines, key);
    }

    /** The value of {@code key} (a line like {@code "VmHWM:   1234 kB"}) in bytes, or -1. */
    static long parseKilobytes(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024L;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
