package ffcnn.method;

import ffcnn.UserInputException;
import ffcnn.report.ComparisonTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Several methods trained on one dataset with one preset and the same overrides, each into
 * {@code <out>/<method>} and each in a JVM of its own ({@link TrainingProcess}), then put side by side
 * in {@code <out>/comparison.md}, {@code .csv} and {@code .png} ({@link ComparisonTable}).
 *
 * <p>{@link #plan} resolves every config and looks at every folder before anything runs, so a wrong
 * method, preset key or folder fails at once. Finished runs of the same config are skipped and
 * interrupted ones resumed, so running a comparison again continues where it stopped.
 *
 * <pre>{@code
 * Comparison c = Comparison.plan(List.of("caw-conv", "deeperforward"), "mnist", "quick", List.of(), out);
 * ComparisonTable table = c.run(new TrainingProcess(null, 2, null, true, null, null), System.err::println, "");
 * }</pre>
 */
public final class Comparison {

    private final String dataset;
    private final String preset;
    private final List<String> overrides;
    private final Path out;
    private final List<PlannedRun> runs;

    private Comparison(String dataset, String preset, List<String> overrides, Path out, List<PlannedRun> runs) {
        this.dataset = dataset;
        this.preset = preset;
        this.overrides = overrides;
        this.out = out;
        this.runs = runs;
    }

    /**
     * Resolves each method's config ({@link PresetLoader#load}) and decides for each folder whether to
     * start, resume or skip. Nothing is written.
     *
     * @throws UserInputException for an unknown or repeated method, a bad preset or override, or a folder
     *                            holding a run of another config
     */
    public static Comparison plan(List<String> methods, String dataset, String preset, List<String> overrides,
            Path out) {
        if (methods.isEmpty()) {
            throw new UserInputException("no method to compare");
        }
        Set<String> seen = new HashSet<>();
        List<RunConfig> configs = new ArrayList<>();
        for (String m : methods) {
            if (!seen.add(m)) {
                throw new UserInputException("method '" + m + "' is listed twice");
            }
            configs.add(PresetLoader.load(m, dataset, preset, overrides));
        }
        List<PlannedRun> runs = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            runs.add(PlannedRun.of(methods.get(i), configs.get(i), out.resolve(methods.get(i))));
        }
        return new Comparison(dataset, preset, List.copyOf(overrides), out, List.copyOf(runs));
    }

    /** The planned runs, in the order of the methods. */
    public List<PlannedRun> runs() {
        return runs;
    }

    /**
     * Trains every run that is not finished, one after the other, then writes the comparison files.
     *
     * @param process     how each training process is started
     * @param progress    receives one line per method saying what is done with it
     * @param commandLine the command that asked for this comparison, shown under the table
     * @return the table that was written
     * @throws UserInputException       when a training process reports a user error (exit status 2)
     * @throws TrainingProcessException when one fails otherwise; the runs before it are kept
     */
    public ComparisonTable run(TrainingProcess process, Consumer<String> progress, String commandLine) {
        for (PlannedRun r : runs) {
            switch (r.step()) {
                case SKIP -> progress.accept(r.method() + ": finished run found, skipped");
                case RESUME -> progress.accept(r.method() + ": resuming the interrupted run in " + r.dir());
                case START -> progress.accept(r.method() + ": training into " + r.dir());
            }
            if (r.step() != PlannedRun.Step.SKIP) {
                process.run(r.method(), r.trainArguments(dataset, preset, overrides));
            }
        }
        ComparisonTable table = ComparisonTable.read(runs.stream().map(PlannedRun::dir).toList());
        table.write(out, commandLine, dataset, preset);
        return table;
    }
}
