package ffcnn.method;

import ffcnn.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One method's part of a {@link Comparison}: its resolved config, its run folder and what is to be done
 * there, decided by what the folder already holds.
 *
 * @param method the method's name
 * @param config the config the run has (or will have) in {@code config.yaml}
 * @param dir    the run folder, {@code <out>/<method>}
 * @param step   start, resume or skip
 */
public record PlannedRun(String method, RunConfig config, Path dir, Step step) {

    /** Name of a finished run's headline figures in its folder. */
    public static final String SUMMARY = "summary.json";

    private static final String CONFIG = "config.yaml";

    /** What a comparison does with a method's run folder. */
    public enum Step {
        /** The folder is new, or its run stopped before the first checkpoint: train from the beginning. */
        START,
        /** A checkpoint of this config without summary.json (an interrupted run): continue it. */
        RESUME,
        /** summary.json of this config: the run is finished and is used as it is. */
        SKIP
    }

    /**
     * Plans {@code method} with {@code config} in {@code dir}.
     *
     * @throws UserInputException when {@code dir} holds a run of another config
     */
    public static PlannedRun of(String method, RunConfig config, Path dir) {
        boolean finished = Files.exists(dir.resolve(SUMMARY));
        boolean checkpoint = Files.exists(dir.resolve(TrainedModel.CHECKPOINT));
        Path configFile = dir.resolve(CONFIG);
        if (!finished && !checkpoint && !Files.exists(configFile)) {
            return new PlannedRun(method, config, dir, Step.START);
        }
        if (!holdsConfig(configFile, config)) {
            throw new UserInputException(dir + ": holds a run with another configuration than this " + method
                    + " run; choose another --out");
        }
        return new PlannedRun(method, config, dir, finished ? Step.SKIP : checkpoint ? Step.RESUME : Step.START);
    }

    /**
     * The arguments of {@code ffcnn train} that carry out this step: the method, dataset, preset and
     * overrides that resolved {@link #config}, or {@code --resume} of the folder.
     */
    public List<String> trainArguments(String dataset, String preset, List<String> overrides) {
        return switch (step) {
            case START -> {
                List<String> args = new ArrayList<>(List.of("train", "--method", method, "--dataset", dataset,
                        "--preset", preset, "--out", dir.toString()));
                overrides.forEach(o -> args.addAll(List.of("--set", o)));
                yield args;
            }
            case RESUME -> List.of("train", "--resume", dir.toString());
            case SKIP -> throw new IllegalStateException(method + ": finished, there is nothing to train");
        };
    }

    private static boolean holdsConfig(Path configFile, RunConfig config) {
        if (!Files.isRegularFile(configFile)) {
            return false;
        }
        try {
            return Files.readString(configFile).equals(PresetLoader.toYaml(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configFile + ": " + e.getMessage(), e);
        }
    }
}
