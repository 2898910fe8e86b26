package ffcnn.cli;

import ffcnn.UserInputException;
import ffcnn.sweep.EntryResult;
import ffcnn.sweep.Manifest;
import ffcnn.sweep.SweepEntry;
import ffcnn.sweep.SweepRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ffcnn sweep run MANIFEST --index I}: one entry of a sweep, as a cluster task runs it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run entry I of a sweep's manifest.jsonl (skipped when finished, resumed when interrupted)"
                + " and record how it ended in <sweep>/results/. Exit status 1 when the training failed.")
public final class SweepRunCommand extends EngineCommand {

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The sweep's manifest.jsonl.")
    Path manifest;

    @Option(names = "--index", required = true, paramLabel = "I", description = "The entry, from 0.")
    int index;

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter stdout) {
        List<SweepEntry> entries = Manifest.read(manifest);
        if (index < 0 || index >= entries.size()) {
            throw new UserInputException("--index " + index + " is out of range: " + manifest + " has "
                    + entries.size() + " entries (0-" + (entries.size() - 1) + ")");
        }
        int threads = engine.threads != null ? engine.threads : Runtime.getRuntime().availableProcessors();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = manifest.toAbsolutePath().getParent();
        EntryResult r = new SweepRunner(dir, dataOption.dataDir, 1, threads, engine.device, engine.quiet, line -> {
            err.println(line);
            err.flush();
        }).runOne(entries.get(index));
        stdout.printf("entry %d: %s%s%n", index, r.status(), r.message().isEmpty() ? "" : ": " + r.message());
        return r.status().equals(EntryResult.FINISHED) ? 0 : 1;
    }
}
