package ffcnn.method;

import ai.djl.ndarray.NDManager;
import ffcnn.UserInputException;
import ffcnn.data.Augmentation;
import ffcnn.data.DataRequest;
import ffcnn.data.DataSplits;
import ffcnn.data.Datasets;
import ffcnn.data.Normalization;
import ffcnn.io.AtomicFiles;
import ffcnn.nn.Devices;
import ffcnn.nn.Network;
import ffcnn.report.ChartListener;
import ffcnn.report.Charts;
import ffcnn.report.HtmlReport;
import ffcnn.report.MetricsLog;
import ffcnn.train.Optimizer;
import ffcnn.train.ModelFile;
import ffcnn.train.RunState;
import ffcnn.train.Trainer;
import ffcnn.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A training run in a folder: resolves data and network from a config, trains with checkpoints every
 * epoch, and leaves config.yaml, metrics, charts, heat maps, summary.json, report.html and the model.
 * {@link #resume} continues a killed run from its last checkpoint. Usable without the CLI.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    /** Trains {@code config} into the new folder {@code out}. */
    public static RunSummary start(RunConfig config, Path out, Path dataDir, List<TrainingListener> listeners) {
        return start(config, out, dataDir, listeners, note -> { });
    }

    /**
     * Trains {@code config} into {@code out}, which may hold what a run that failed before its first
     * checkpoint left (config.yaml, provenance.json), but not a run's checkpoint. {@code notes} receives a
     * line saying what will run (data sizes, network, parameters, schedule, threads).
     */
    public static RunSummary start(RunConfig config, Path out, Path dataDir, List<TrainingListener> listeners,
            Consumer<String> notes) {
        if (Files.exists(out.resolve(TrainedModel.CHECKPOINT))) {
            throw new UserInputException(out + ": holds a run already; continue it with --resume " + out
                    + " or choose another --out");
        }
        AtomicFiles.writeString(out.resolve("config.yaml"), PresetLoader.toYaml(config));
        return RunFolder.track(out, () -> fresh(config, out, dataDir, listeners, notes));
    }

    private static RunSummary fresh(RunConfig config, Path out, Path dataDir, List<TrainingListener> listeners,
            Consumer<String> notes) {
        DataSplits data = load(config, dataDir);
        Provenance.write(out, config, data);
        TrainedModel.seed(config.train().seed());
        try (NDManager root = Devices.newManager()) {
            Network net = TrainedModel.build(config, data.train().channels(), data.train().numClasses(), root);
            checkInputSide(config, net, data);
            RunState state = RunState.fresh(config.predict().strategy(), data.classNames());
            notes.accept(describe(config, data, net));
            return train(config, out, data, net, state, null, listeners);
        }
    }

    /** Continues the run in {@code out} from its last checkpoint. */
    public static RunSummary resume(Path out, Path dataDir, List<TrainingListener> listeners) {
        return resume(out, dataDir, 0, listeners, note -> { });
    }

    /**
     * Continues the run in {@code out} from its last checkpoint, to {@code epochs} epochs in all when that
     * is above 0 (more than the run has done: a finished run then trains on, with the learning-rate schedule
     * of the preset stretched to the new total), else to the epochs it was configured for. {@code notes}
     * receives a line such as {@code resuming runs/a from epoch 3 of 10}.
     */
    public static RunSummary resume(Path out, Path dataDir, int epochs, List<TrainingListener> listeners,
            Consumer<String> notes) {
        Path checkpoint = out.resolve(TrainedModel.CHECKPOINT);
        if (!Files.isRegularFile(checkpoint)) {
            throw new UserInputException(out + ": no checkpoint to resume from (" + TrainedModel.CHECKPOINT
                    + " missing)");
        }
        RunConfig saved = PresetLoader.read(out.resolve("config.yaml"));
        int done = epochsDone(checkpoint);
        RunConfig config = epochs > 0 ? saved.withEpochs(epochs) : saved;
        if (epochs > 0 && epochs <= done) {
            throw new UserInputException(out + ": has done " + done + " epochs already; --epochs is the new total "
                    + "and must be above " + done);
        }
        if (done >= config.train().epochs()) {
            throw new UserInputException(out + ": finished all " + done + " epochs; to train on, give the new "
                    + "total: --resume " + out + " --epochs " + (done + Math.max(1, done)));
        }
        if (epochs > 0) {
            AtomicFiles.writeString(out.resolve("config.yaml"), PresetLoader.toYaml(config));
        }
        notes.accept("resuming " + out + " from epoch " + (done + 1) + " of " + config.train().epochs() + " ("
                + done + " done)");
        return RunFolder.track(out, () -> continued(config, out, dataDir, checkpoint, listeners));
    }

    private static RunSummary continued(RunConfig config, Path out, Path dataDir, Path checkpoint,
            List<TrainingListener> listeners) {
        DataSplits data = load(config, dataDir);
        try (NDManager root = Devices.newManager()) {
            List<List<Optimizer>> holder = new ArrayList<>();
            TrainedModel model = TrainedModel.load(checkpoint, root, net -> {
                holder.add(Trainer.optimizers(net, config.train()));
                return holder.get(0);
            });
            RunState state = new RunState(model.header().state(), model.header().history());
            return train(config, out, data, model.network(), state, holder.get(0), listeners);
        }
    }

    private static RunSummary train(RunConfig config, Path out, DataSplits data, Network net, RunState state,
            List<Optimizer> restored, List<TrainingListener> listeners) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(new MetricsLog(out));
        all.add(new ChartListener(out));
        List<Optimizer> opts = restored != null ? restored : Trainer.optimizers(net, config.train());
        Trainer trainer = new Trainer(net, config.train(), opts, state, all, t -> checkpoint(out, config, data, t));
        trainer.fit(data, config.method());
        writeHeatmaps(out, net, state.model().epoch(), config.train().epochs(), data.classNames());
        ClassActivationMaps.writeForReport(net, data.test(), data.normalization(), data.classNames(),
                state.model().epoch(), out);
        RunSummary summary = RunSummary.of(config, data, net, state, trainer.peakStepBytes(),
                trainer.layerStepBytes());
        summary.write(out);
        HtmlReport.write(out);
        return summary;
    }

    private static void checkpoint(Path out, RunConfig config, DataSplits data, Trainer t) {
        var img = data.train();
        int[] input = {img.channels(), img.height(), img.width()};
        var norm = data.normalization();
        var tree = PresetLoader.YAML.valueToTree(config);
        RunState s = t.state();
        var provenance = Provenance.of(config, data);
        ModelFile.write(out.resolve(TrainedModel.CHECKPOINT), new ModelFile.Header(tree, s.model(), input,
                norm.mean(), norm.std(), s.history(), true, provenance), t.network(), t.optimizers());
        ModelFile.write(out.resolve(TrainedModel.MODEL), new ModelFile.Header(tree, s.model(), input,
                norm.mean(), norm.std(), List.of(), false, provenance), t.network(), null);
    }

    /** Heat maps after the last trained epoch ({@code epoch}, 0-based, of {@code epochs}). */
    private static void writeHeatmaps(Path out, Network net, int epoch, int epochs, List<String> classNames) {
        for (int l = 0; l < net.layers().size(); l++) {
            for (Map.Entry<String, float[][]> e : net.layers().get(l).head().heatmaps(epoch).entrySet()) {
                Charts.writeProbabilityHeatmap(e.getValue(), "layer " + l + " " + e.getKey() + " after epoch "
                        + (epoch + 1) + " of " + epochs, classNames, "class", "channel",
                        out.resolve(e.getKey() + "_layer" + l + ".png"));
            }
        }
    }

    /** The epochs a checkpoint has finished. */
    static int epochsDone(Path checkpoint) {
        try (var in = ModelFile.open(checkpoint)) {
            return ModelFile.readHeader(checkpoint, in).history().size();
        } catch (java.io.IOException e) {
            throw new UserInputException(checkpoint + ": cannot read: " + e.getMessage());
        }
    }

    /** One line: what data, network and schedule the run has. */
    static String describe(RunConfig config, DataSplits data, Network net) {
        var t = config.train();
        return String.format(java.util.Locale.ROOT, "%s on %s: %,d training, %,d validation, %,d test images; "
                + "%s (width %s), %d layers, %,d parameters; %d epochs, batch %d, lr %s; %s engine threads, device %s",
                config.method(), data.dataset(), data.train().size(), data.valid().size(), data.test().size(),
                config.model().arch(), config.model().width(), net.layers().size(), net.parameterCount(),
                t.epochs(), t.batchSize(), t.lr(), System.getProperty("ai.djl.pytorch.num_threads",
                        String.valueOf(Runtime.getRuntime().availableProcessors())), Devices.describe());
    }

    /**
     * The data of {@code config}: scaled as {@code data.normalization} says (the model saves that scaling, so
     * prediction reads images the same way), with its augmentation.
     */
    public static DataSplits load(RunConfig config, Path dataDir) {
        DataSplits data = Datasets.load(request(config, dataDir));
        Normalization norm;
        try {
            norm = Normalization.resolve(config.data().normalization(), data.normalization(),
                    data.train().channels());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage() + " for " + data.dataset());
        }
        if (!norm.equals(data.normalization())) {
            data = new DataSplits(data.dataset(), data.train(), data.valid(), data.test(), norm, data.classNames());
        }
        return config.data().augment() ? data.withAugmentation(Augmentation.CROP_AND_FLIP) : data;
    }

    /** Stops, in one line naming a size that fits, when {@code net} cannot take the images of {@code data}. */
    public static void checkInputSide(RunConfig config, Network net, DataSplits data) {
        int side = config.model().inputSize() > 0 ? config.model().inputSize() : data.train().height();
        ffcnn.nn.Architectures.checkInputSide(config.model().arch(), net.specs(), side);
    }

    /** The data {@code config} trains on; image folders are decoded at the model's input size. */
    static DataRequest request(RunConfig config, Path dataDir) {
        DataConfig d = config.data();
        return new DataRequest(d.dataset(), dataDir, d.validSize(), config.train().seed(), d.limitTrain(),
                d.limitValid(), d.limitTest(), false, config.model().inputSize(), d.skipCorrupt());
    }
}
