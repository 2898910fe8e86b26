package ffcnn.sweep;

import ffcnn.UserInputException;
import ffcnn.method.PlannedRun;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.method.TrainingProcess;
import ffcnn.method.TrainingProcessException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs sweep entries, each in a JVM of its own ({@link TrainingProcess}) with {@code threads} engine threads,
 * {@code parallel} of them at a time. A finished run is skipped, an interrupted one resumed from its
 * checkpoint; a failed one is recorded in {@code results/<index>.json} (its output is in
 * {@code logs/<index>.log}) and the others go on.
 */
public final class SweepRunner {

    private final Path dir;
    private final Path dataDir;
    private final int parallel;
    private final int threads;
    private final String device;
    private final boolean quiet;
    private final Consumer<String> progress;

    /**
     * @param dir      the sweep folder (run folders are relative to it)
     * @param dataDir  {@code --data-dir} of the training processes, or null
     * @param parallel processes at a time
     * @param threads  engine threads of each process
     * @param device   their {@code --device}, or null for the best present
     * @param quiet    whether training processes leave out progress lines (in their logs)
     * @param progress receives one line per entry started and ended
     */
    public SweepRunner(Path dir, Path dataDir, int parallel, int threads, String device, boolean quiet,
            Consumer<String> progress) {
        if (parallel < 1 || threads < 1) {
            throw new UserInputException("--parallel and --threads must be >= 1, got " + parallel + " and " + threads);
        }
        this.dir = dir;
        this.dataDir = dataDir;
        this.parallel = parallel;
        this.threads = threads;
        this.device = device;
        this.quiet = quiet;
        this.progress = progress;
    }

    /** Runs every entry not finished yet; the results in index order. */
    public List<EntryResult> runAll(List<SweepEntry> entries) {
        entries.forEach(this::plan); // a run folder of another config stops the sweep before anything runs
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<EntryResult>> futures = new ArrayList<>();
            for (SweepEntry e : entries) {
                futures.add(pool.submit(() -> runOne(e)));
            }
            List<EntryResult> results = new ArrayList<>();
            for (Future<EntryResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sweep ran", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one entry unless it is finished, and records how it ended. */
    public EntryResult runOne(SweepEntry e) {
        PlannedRun plan = plan(e);
        String name = "#" + e.index() + " " + e.method() + " " + e.dataset() + " " + e.preset() + " seed " + e.seed();
        if (plan.step() == PlannedRun.Step.SKIP) {
            EntryResult known = EntryResult.read(dir, e.index());
            EntryResult r = known != null && known.status().equals(EntryResult.FINISHED) ? known
                    : EntryResult.of(e.index(), 0, "", Double.NaN, threads);
            r.write(dir);
            progress.accept(name + ": finished run found, skipped");
            return r;
        }
        progress.accept(name + (plan.step() == PlannedRun.Step.RESUME ? ": resuming in " : ": training into ")
                + plan.dir());
        Path log = dir.resolve("logs").resolve(String.format("%04d.log", e.index()));
        long start = System.nanoTime();
        int status = 0;
        try (PrintWriter w = logWriter(log)) {
            new TrainingProcess(dataDir, threads, device, quiet, w, w)
                    .run(e.method(), plan.trainArguments(e.dataset(), e.preset(), e.overrides()));
        } catch (UserInputException ex) {
            status = 2;
        } catch (TrainingProcessException ex) {
            status = ex.exitStatus();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EntryResult r = EntryResult.of(e.index(), status, status == 0 ? "" : lastError(log, status), seconds, threads);
        r.write(dir);
        progress.accept(name + (status == 0 ? String.format(": finished in %.0f s", seconds)
                : ": failed (exit status " + status + "): " + r.message() + "; log: " + log));
        return r;
    }

    private PlannedRun plan(SweepEntry e) {
        RunConfig config = PresetLoader.load(e.method(), e.dataset(), e.preset(), e.overrides());
        return PlannedRun.of(e.method(), config, dir.resolve(e.dir()));
    }

    private static PrintWriter logWriter(Path log) {
        try {
            Files.createDirectories(log.getParent());
            return new PrintWriter(Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log + ": " + e.getMessage(), e);
        }
    }

    /** The training's own error line ({@code ffcnn: ...}) from its log, or the exit status. */
    static String lastError(Path log, int status) {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith("ffcnn: ")).reduce((a, b) -> b)
                    .map(l -> l.substring("ffcnn: ".length())).orElse("exit status " + status);
        } catch (IOException | UncheckedIOException e) {
            return "exit status " + status;
        }
    }
}
