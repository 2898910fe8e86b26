package ffcnn.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import ffcnn.method.PlannedRun;
import ffcnn.method.RunFolder;
import ffcnn.report.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a sweep entry stands, read from its folders: {@code finished} (its run wrote summary.json), the
 * recorded failure, {@code running} or {@code interrupted} (a run folder without a summary), or
 * {@code not started}.
 *
 * @param entry        the entry
 * @param status       as above; a failure reads {@code failed: <error>}
 * @param testAccuracy the finished run's test accuracy (a fraction, last epoch), else null
 * @param bestTestAccuracy the finished run's best test accuracy over its epochs (a fraction), else null
 * @param trainSeconds the finished run's training seconds, else null
 * @param result       the recorded result of its last attempt, or null
 */
public record EntryStatus(SweepEntry entry, String status, Double testAccuracy, Double bestTestAccuracy,
        Double trainSeconds, EntryResult result) {

    public static EntryStatus read(Path sweepDir, SweepEntry e) {
        Path runDir = sweepDir.resolve(e.dir());
        EntryResult result = EntryResult.read(sweepDir, e.index());
        Path summary = runDir.resolve(PlannedRun.SUMMARY);
        if (Files.isRegularFile(summary)) {
            JsonNode s = JsonFiles.read(summary, JsonNode.class);
            return new EntryStatus(e, "finished", number(s.path("test_accuracy")),
                    number(s.path("best_test_accuracy")), number(s.path("train_seconds")), result);
        }
        if (result != null && result.status().equals(EntryResult.FAILED)) {
            return new EntryStatus(e, "failed: " + result.message(), null, null, null, result);
        }
        String status = RunFolder.isRun(runDir) ? RunFolder.read(runDir).status() : "not started";
        return new EntryStatus(e, status, null, null, null, result);
    }

    public boolean finished() {
        return status.equals("finished");
    }

    private static Double number(JsonNode v) {
        double d = v.isNumber() ? v.doubleValue() : Double.NaN;
        return Double.isFinite(d) ? d : null;
    }
}
