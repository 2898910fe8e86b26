package ffcnn.method;

import com.fasterxml.jackson.databind.JsonNode;
import ffcnn.io.AtomicFiles;
import ffcnn.report.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a run folder says about its run: {@code running.pid} while a process trains in it, {@code failed.txt}
 * (the error) when training stopped with an error, and the epochs, accuracy and time from config.yaml,
 * metrics.jsonl and summary.json.
 *
 * @param dir          the folder
 * @param method       method name
 * @param dataset      dataset id
 * @param epochsDone   finished epochs (lines of metrics.jsonl)
 * @param epochs       epochs configured
 * @param testAccuracy the last finished epoch's test accuracy with the run's strategy, or null
 * @param trainSeconds training time of the finished epochs
 * @param status       {@code finished}, {@code running}, {@code interrupted} or {@code failed: <error>}
 */
public record RunFolder(Path dir, String method, String dataset, int epochsDone, int epochs, Double testAccuracy,
        double trainSeconds, String status) {

    static final String RUNNING = "running.pid";
    static final String FAILED = "failed.txt";

    /** Runs {@code training} in {@code dir}, marking the folder running meanwhile and failed if it throws. */
    static <T> T track(Path dir, Supplier<T> training) {
        AtomicFiles.writeString(dir.resolve(RUNNING), ProcessHandle.current().pid() + "\n");
        try {
            T result = training.get();
            Files.deleteIfExists(dir.resolve(FAILED));
            return result;
        } catch (RuntimeException | Error e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            AtomicFiles.writeString(dir.resolve(FAILED), message.strip().lines().findFirst().orElse("") + "\n");
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(dir.resolve(RUNNING));
            } catch (IOException ignored) {
                // a stale running.pid names a process that is gone, which reads as interrupted
            }
        }
    }

    /** Whether {@code dir} is a run folder (it has the config.yaml every run writes first). */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("config.yaml"));
    }

    /** The state of the run in {@code dir}; a folder whose config.yaml cannot be read reads as failed. */
    public static RunFolder read(Path dir) {
        RunConfig config;
        try {
            config = PresetLoader.read(dir.resolve("config.yaml"));
        } catch (RuntimeException e) {
            return new RunFolder(dir, "?", "?", 0, 0, null, 0, "failed: unreadable config.yaml");
        }
        List<JsonNode> epochs = metrics(dir.resolve("metrics.jsonl"));
        Double accuracy = null;
        if (!epochs.isEmpty()) {
            JsonNode acc = epochs.get(epochs.size() - 1).path("test_accuracy").path(config.predict().strategy());
            accuracy = acc.isNumber() ? acc.asDouble() : null;
        }
        double seconds = epochs.stream().mapToDouble(m -> m.path("train_seconds").asDouble()).sum();
        return new RunFolder(dir, config.method(), config.data().dataset(), epochs.size(), config.train().epochs(),
                accuracy, seconds, status(dir, epochs.size() >= config.train().epochs()));
    }

    private static String status(Path dir, boolean allEpochs) {
        if (alive(dir.resolve(RUNNING))) {
            return "running";
        }
        if (Files.isRegularFile(dir.resolve(FAILED))) {
            try {
                return "failed: " + Files.readString(dir.resolve(FAILED)).strip();
            } catch (IOException e) {
                return "failed";
            }
        }
        return allEpochs && Files.isRegularFile(dir.resolve("summary.json")) ? "finished" : "interrupted";
    }

    private static boolean alive(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static List<JsonNode> metrics(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(RunFolder::parse)
                    .filter(n -> n != null).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JsonFiles.mapper().readTree(line);
        } catch (IOException e) {
            return null; // a line cut by a kill
        }
    }
}
