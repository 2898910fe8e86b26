package ffcnn.cli;

import ffcnn.UserInputException;
import ffcnn.io.AtomicFiles;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.method.TrainingProcess;
import ffcnn.reproduce.Calibration;
import ffcnn.reproduce.PublishedRow;
import ffcnn.reproduce.PublishedRows;
import ffcnn.reproduce.ReproduceReport;
import ffcnn.sweep.Manifest;
import ffcnn.sweep.SweepEntry;
import ffcnn.sweep.SweepRunner;
import ffcnn.sweep.SweepSpec;
import ffcnn.sweep.SweepTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ffcnn reproduce}: the published rows, run over seeds and set against the paper's figure. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"--list: the published rows (figure, preset, estimated time on this machine);"
                + " --calibrate [ROW...]: measure the training and scoring speed of rows' presets (two short epochs each, measured anew);"
                + " ROW: train it with --seeds seeds into <out> (finished runs skipped, interrupted ones resumed)"
                + " and print published / measured / gap; --report DIR: the table of every row run under DIR."})
public final class ReproduceCommand extends EngineCommand {

    @Parameters(arity = "0..*", paramLabel = "ROW", description = "Row ids (see --list).")
    List<String> rows = new ArrayList<>();

    @Option(names = "--list", description = "List the published rows.")
    boolean list;

    @Option(names = "--calibrate", description = "Calibrate the given rows (all built rows when none is given).")
    boolean calibrate;

    @Option(names = "--report", paramLabel = "DIR", description = "Write DIR/reproduce.md, .csv, .png.")
    Path report;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Seeds, from the preset's own. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/reproduce",
            description = "Reproduce folder; a row runs in DIR/<row>. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--calibration", paramLabel = "DIR", defaultValue = "runs/calibration",
            description = "Where calibration runs are. Default: ${DEFAULT-VALUE}.")
    Path calibration;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Seeds trained at a time. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Change the preset (e.g. train.epochs=1 for a smoke test); the row is then marked shortened.")
    List<String> sets = new ArrayList<>();

    @Mixin
    DataDirOption dataOption;

    @Override
    protected int run(PrintWriter stdout) {
        if (list) {
            listRows(stdout);
        } else if (report != null) {
            if (!java.nio.file.Files.isDirectory(report)) {
                throw new UserInputException(report + ": no such folder (--report names a reproduce folder)");
            }
            stdout.print(ReproduceReport.read(report).write(report));
        } else if (calibrate) {
            for (PublishedRow row : rows.isEmpty() ? PublishedRows.all().stream().filter(PublishedRow::built).toList()
                    : rows.stream().map(ReproduceCommand::builtRow).toList()) {
                AtomicFiles.deleteTree(Calibration.folder(calibration, row)); // measure again, with this build
                runSweep(Calibration.folder(calibration, row), Calibration.spec(row), 1);
                Calibration.Speed speed = Calibration.speed(calibration, row);
                stdout.println(row.id() + ": " + (speed == null ? "calibration failed (see its log)"
                        : String.format(Locale.ROOT, "%.1f images/s, %.1f ms to score an image, estimated %s per seed",
                                speed.imagesPerSecond(), 1000 * speed.scoreSecondsPerImage(),
                                duration(Calibration.estimateSeconds(row, speed)))));
            }
        } else if (rows.size() == 1) {
            return reproduce(stdout, builtRow(rows.get(0)));
        } else {
            throw new UserInputException("reproduce needs --list, --report DIR, --calibrate or one ROW"
                    + " (see 'ffcnn reproduce --help')");
        }
        return 0;
    }

    private int reproduce(PrintWriter stdout, PublishedRow row) {
        if (seeds < 1) {
            throw new UserInputException("--seeds must be >= 1, got " + seeds);
        }
        Map<String, List<String>> grid = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("--set " + s + ": not key.path=value");
            }
            grid.put(s.substring(0, eq).trim(), List.of(s.substring(eq + 1)));
        }
        Path dir = out.resolve(row.id());
        int failed = runSweep(dir, new SweepSpec(List.of(row.method()), List.of(row.dataset()), List.of(row.preset()),
                seeds, List.of(), grid), parallel);
        ReproduceReport.Line line = ReproduceReport.line(row, dir);
        if (line.measured().finished() == 0) {
            stdout.printf(Locale.ROOT, "%s: published %.2f %%, no seed finished (0 of %d; logs in %s)%n",
                    row.id(), row.published(), line.measured().runs(), dir.resolve("logs"));
            return 1;
        }
        stdout.printf(Locale.ROOT, "%s: published %.2f %%, measured %.2f %% (std %s, %d of %d seeds), gap %+.2f pp;"
                + " best epoch %.2f %%, gap %+.2f pp%s%n",
                row.id(), row.published(), line.measured().accuracy().mean(),
                SweepTable.f("%.2f", line.measured().accuracy().std()), // "–" for one seed, as in the report
                line.measured().finished(), line.measured().runs(), line.gap(), line.measured().best().mean(),
                line.bestGap(), line.shortened() ? " (shortened run: not comparable)" : "");
        return failed > 0 ? 1 : 0;
    }

    /** Runs a sweep into {@code dir}; the number of failed entries. */
    private int runSweep(Path dir, SweepSpec sweep, int processes) {
        List<SweepEntry> entries = Manifest.expand(sweep);
        Manifest.create(dir, entries);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = engine.threads != null ? engine.threads : TrainingProcess.share(cores, processes);
        PrintWriter err = spec.commandLine().getErr();
        return (int) new SweepRunner(dir, dataOption.dataDir, processes, threads, engine.device, engine.quiet, line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }).runAll(entries).stream().filter(r -> !r.status().equals("finished")).count();
    }

    private void listRows(PrintWriter stdout) {
        stdout.printf("%-34s %9s %-8s %-16s %-22s %6s %12s%n", "row", "published", "metric", "preset", "network (preset)",
                "epochs", "est. time");
        for (PublishedRow row : PublishedRows.all()) {
            if (!row.built()) {
                stdout.printf("%-34s %9.2f %-8s %-16s %-22s %6s %12s%n", row.id(), row.published(), row.metric(),
                        "not built", "(" + row.architecture() + ")", "–", "–");
                continue;
            }
            RunConfig config = PresetLoader.load(row.method(), row.dataset(), row.preset(), List.of());
            Calibration.Speed speed = Calibration.speed(calibration, row);
            String time = speed == null ? "calibrate" : duration(Calibration.estimateSeconds(row, speed));
            stdout.printf("%-34s %9.2f %-8s %-16s %-22s %6d %12s%n", row.id(), row.published(), row.metric(),
                    row.preset(), config.model().arch(), config.train().epochs(), time);
        }
        stdout.println("\nest. time: training and scoring, per seed, from `ffcnn reproduce --calibrate ROW` on this machine;"
                + " figures and their sources: reproduce/published.yaml in the jar.");
    }

    private static PublishedRow builtRow(String id) {
        PublishedRow row = PublishedRows.get(id);
        if (!row.built()) {
            throw new UserInputException(id + ": no preset reproduces this row yet (not built)");
        }
        return row;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
}
