package ffcnn.cli;

import ffcnn.UserInputException;
import ffcnn.method.RunFolder;
import ffcnn.report.Formats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ffcnn runs [DIR]}: the runs under a folder, with what they trained, how far, and how it ended. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs under a folder: method, dataset, epochs, test accuracy, training time and "
                + "status (finished, running, interrupted, failed).")
public final class RunsCommand implements Callable<Integer> {

    /** How deep under DIR run folders are looked for (compare puts its runs one level down). */
    private static final int DEPTH = 3;

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = "runs",
            description = "A folder of runs, or one run folder. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + ": no such folder" + (dir.toString().equals("runs")
                    ? " (train writes its runs under ./runs; name another folder: ffcnn runs DIR)" : ""));
        }
        List<RunFolder> runs = find(dir).stream().map(RunFolder::read).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (runs.isEmpty()) {
            spec.commandLine().getErr().println("ffcnn: no runs under " + dir);
            return 0;
        }
        int width = Math.max(3, runs.stream().mapToInt(r -> r.dir().toString().length()).max().orElse(3));
        String row = "%-" + width + "s  %-13s  %-13s  %-7s  %-8s  %-12s  %s%n";
        out.printf(row, "RUN", "METHOD", "DATASET", "EPOCHS", "TEST", "TRAINING", "STATUS");
        for (RunFolder r : runs) {
            out.printf(row, r.dir(), r.method(), r.dataset(), r.epochsDone() + "/" + r.epochs(),
                    r.testAccuracy() == null ? "-" : Formats.percent(r.testAccuracy()),
                    r.epochsDone() == 0 ? "-" : Formats.duration(r.trainSeconds()), r.status());
        }
        out.flush();
        return 0;
    }

    /** The run folders at or under {@code root}, by path. */
    static List<Path> find(Path root) {
        try (Stream<Path> all = Files.walk(root, DEPTH)) {
            return all.filter(p -> Files.isDirectory(p) && RunFolder.isRun(p)).sorted().toList();
        } catch (IOException e) {
            throw new UserInputException(root + ": cannot list: " + ffcnn.io.OsErrors.reason(e));
        }
    }
}
