package ffcnn.method;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ffcnn.UserInputException;
import ffcnn.data.Normalization;
import ffcnn.nn.Devices;
import ffcnn.nn.Network;
import ffcnn.nn.NetworkBuilder;
import ffcnn.predict.PredictionStrategy;
import ffcnn.predict.Strategies;
import ffcnn.predict.WeightedLayers;
import ffcnn.train.Optimizer;
import ffcnn.train.ModelFile;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A network read back from a model or checkpoint file, with everything prediction needs: the config it
 * was built from, its {@link ffcnn.train.ModelState} and its input normalisation.
 *
 * @param config  the resolved config of the run
 * @param header  the file's header
 * @param network the network with its trained parameters
 */
public record TrainedModel(RunConfig config, ModelFile.Header header, Network network) implements AutoCloseable {

    /** Model file name inside a run folder. */
    public static final String MODEL = "model.ffcnn";
    /** Checkpoint file name inside a run folder. */
    public static final String CHECKPOINT = "checkpoint.ffcnn";

    /** Loads {@code path}: a run folder (its model.ffcnn) or a model/checkpoint file. */
    public static TrainedModel load(Path path, NDManager parent) {
        Path file = Files.isDirectory(path) ? path.resolve(MODEL) : path;
        return load(file, parent, null);
    }

    /** Loads {@code file}; when {@code optimizers} is given, their states are read too (resume). */
    static TrainedModel load(Path file, NDManager parent, java.util.function.Function<Network, List<Optimizer>> optimizers) {
        try (DataInputStream in = ModelFile.open(file)) {
            ModelFile.Header header = ModelFile.readHeader(file, in);
            RunConfig config = PresetLoader.fromTree(header.config(), file.toString());
            ffcnn.nn.ReadOut.Rule rule = Methods.get(config.method()).objective(config.objective()).readOutRule();
            if (rule != null && !config.predict().readout().equals(rule.kind())) {
                throw new UserInputException(file + ": saved by an earlier ffcnn, whose " + config.method()
                        + " kept its per-layer predictors in the layers (now the read-out " + rule.kind()
                        + "); train it again");
            }
            Network net = build(config, header.input()[0], header.state().classNames().size(), parent);
            List<Optimizer> opts = optimizers == null ? null : optimizers.apply(net);
            ModelFile.readBody(file, in, net, header.hasOptimizers() ? opts : null);
            return new TrainedModel(config, header, net);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read model: " + e.getMessage());
        }
    }

    /** A freshly initialised network for {@code config}, seeded with its train.seed. */
    public static Network fresh(RunConfig config, int channels, int classes, NDManager parent) {
        seed(config.train().seed());
        return build(config, channels, classes, parent);
    }

    /** A freshly initialised network for {@code config} (seed the engine first). */
    static Network build(RunConfig config, int channels, int classes, NDManager parent) {
        Method method = Methods.get(config.method());
        return NetworkBuilder.build(config.model(), method.objective(config.objective()), config.encoding(),
                config.predict().readout(), config.predict().readoutFrom(), channels, classes,
                parent == null ? Devices.newManager() : parent);
    }

    public Normalization normalization() {
        return new Normalization(header.mean(), header.std());
    }

    /**
     * The strategy named {@code name} ({@link Strategies}) read back from its state saved with this model; a
     * read-out strategy's own state was read with the network.
     */
    public PredictionStrategy strategy(String name) {
        return Strategies.get(name, header.state().strategies(), network.layers().size(),
                config.predict().readout());
    }

    /** Every strategy this model offers, in the order evaluations report them. */
    public List<PredictionStrategy> strategies() {
        return Strategies.all(header.state().strategies(), network.layers().size(), config.predict().readout());
    }

    /** The epoch whose temperature prediction uses. */
    public int epoch() {
        return Math.max(0, header.state().epoch());
    }

    @Override
    public void close() {
        network.close();
    }

    static void seed(long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
    }
}
