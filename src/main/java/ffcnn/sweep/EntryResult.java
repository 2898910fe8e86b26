package ffcnn.sweep;

import ffcnn.report.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code results/<index>.json}: how a sweep entry's last attempt ended, written by whoever ran it (the
 * local runner or a {@code sweep run} task on a cluster).
 *
 * @param index       the entry
 * @param status      {@value #FINISHED} or {@value #FAILED}
 * @param exitStatus  the training process's exit status
 * @param message     the training's error line, or empty
 * @param wallSeconds wall-clock seconds of the attempt (for a skipped finished run: of the attempt that finished it)
 * @param hardware    the machine: CPU model and cores
 * @param threads     engine threads the run had
 * @param ended       when the attempt ended (ISO-8601)
 */
public record EntryResult(int index, String status, int exitStatus, String message, double wallSeconds,
        String hardware, int threads, String ended) {

    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";

    static EntryResult of(int index, int exitStatus, String message, double wallSeconds, int threads) {
        return new EntryResult(index, exitStatus == 0 ? FINISHED : FAILED, exitStatus, message, wallSeconds,
                Hardware.describe(), threads, Instant.now().toString());
    }

    /** The result file of entry {@code index} in sweep folder {@code dir}. */
    static Path file(Path dir, int index) {
        return dir.resolve("results").resolve(String.format("%04d.json", index));
    }

    /** The recorded result, or null when the entry has none (not run, or its record is unreadable). */
    static EntryResult read(Path dir, int index) {
        Path f = file(dir, index);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return JsonFiles.mapper().readValue(Files.readString(f), EntryResult.class);
        } catch (IOException e) {
            return null;
        }
    }

    void write(Path dir) {
        JsonFiles.write(file(dir, index), this);
    }
}
