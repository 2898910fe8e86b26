package ffcnn.cli;

import ffcnn.method.TrainingProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ffcnn bench --concurrent N}: benchmark processes started together. Each warms up, says it is
 * ready, and starts timing when all are, so that their timed batches overlap.
 */
final class ConcurrentBench {

    /** What a benchmark process prints when it has warmed up. */
    static final String READY = "ready";

    private static final Pattern RATE = Pattern.compile("training: ([0-9.]+) images/s \\(ffcnn\\)");

    private final Path dataDir;
    private final String device;
    private final List<String> arguments;

    ConcurrentBench(Path dataDir, String device, List<String> arguments) {
        this.dataDir = dataDir;
        this.device = device;
        this.arguments = arguments;
    }

    /** Images/s of each of {@code processes} processes with {@code threads} engine threads each, run together. */
    double[] run(int processes, int threads) {
        TrainingProcess how = new TrainingProcess(dataDir, threads, device, true, null, null);
        List<Process> started = new ArrayList<>();
        try {
            List<BufferedReader> outs = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                Process p = how.start(arguments);
                started.add(p);
                outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < processes; i++) {
                readUntil(outs.get(i), READY, started.get(i));
            }
            for (Process p : started) {
                OutputStream in = p.getOutputStream();
                in.write('\n');
                in.flush();
            }
            double[] rates = new double[processes];
            for (int i = 0; i < processes; i++) {
                Matcher m = RATE.matcher(readUntil(outs.get(i), "training: ", started.get(i)));
                if (!m.find()) {
                    throw new IllegalStateException("benchmark process " + (i + 1) + " printed no images/s");
                }
                rates[i] = Double.parseDouble(m.group(1));
            }
            for (Process p : started) {
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("a benchmark process failed with exit status " + p.exitValue());
                }
            }
            return rates;
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while benchmarking", e);
        } finally {
            for (Process p : started) {
                p.destroy();
            }
        }
    }

    /** Reads lines until one starting with {@code prefix}, which it returns. */
    private static String readUntil(BufferedReader r, String prefix, Process p) throws IOException {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("a benchmark process ended early (exit status " + waitQuietly(p) + ")");
    }

    private static int waitQuietly(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
