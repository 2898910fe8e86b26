package ffcnn.train;

import ai.djl.engine.Engine;
import ffcnn.data.Batch;
import ffcnn.data.Batches;
import ffcnn.data.DataSplits;
import ai.djl.nn.Parameter;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.Network;
import java.util.List;

/**
 * The training loop. Per batch, each learning unit in turn ({@link BatchStep}): for forward-only methods
 * each layer: forward on its detached input, local loss, backward (reaching only that layer), clip and
 * optimiser step (AdamW or SGD), then its normalised output goes to the next layer. Per epoch: evaluation on the validation and test splits (every {@code train.eval_every}-th epoch and the last) and a checkpoint. Side concerns
 * (progress, logs, charts) are {@link TrainingListener}s.
 */
public final class Trainer {

    /** Persists the trainer after each epoch (the CLI writes an atomic checkpoint file). */
    public interface Checkpoint {
        void save(Trainer trainer);
    }

    private final Network net;
    private final TrainConfig config;
    private final List<Optimizer> optimizers;
    private final List<TrainingListener> listeners;
    private final Checkpoint checkpoint;
    private final RunState state;
    private long peakStepBytes;
    private long[] layerStepBytes = new long[0];

    /**
     * @param optimizers one per layer, in layer order (fresh, or restored from a checkpoint)
     * @param checkpoint called after every epoch, or null
     */
    public Trainer(Network net, TrainConfig config, List<Optimizer> optimizers, RunState state,
            List<TrainingListener> listeners, Checkpoint checkpoint) {
        this.net = net;
        this.config = config;
        this.state = state;
        this.listeners = List.copyOf(listeners);
        this.checkpoint = checkpoint;
        if (!config.layerEpochs().isEmpty() && config.layerEpochs().size() != net.layers().size()) {
            throw new ffcnn.UserInputException("train.layer_epochs has " + config.layerEpochs().size()
                    + " ranges for a network of " + net.layers().size() + " layers");
        }
        int expected = net.layers().size() + (net.readout() != null ? 1 : 0);
        if (optimizers.size() != expected) {
            throw new IllegalArgumentException(optimizers.size() + " optimizers for " + net.layers().size()
                    + " layers" + (net.readout() != null ? " and a read-out" : ""));
        }
        this.optimizers = List.copyOf(optimizers);
    }

    /**
     * Fresh optimisers ({@code train.optimizer}), one per layer of {@code net} and then one for its read-out when
     * it has one, as {@code config} sets them: each parameter with its group's learning rate and weight decay
     * ({@code train.groups}), each optimiser with its groups' update rule; the groups that are not trainable are
     * frozen first.
     */
    public static List<Optimizer> optimizers(Network net, TrainConfig config) {
        ParameterGroups g = config.groups();
        List<Optimizer> out = new java.util.ArrayList<>();
        for (LocalLayer l : net.layers()) {
            l.freeze(!g.body().trainable(), !g.head().trainable());
            out.add(optimizer(config, l.learnable(), p -> l.inHead(p) ? g.head() : g.body(), net));
        }
        if (net.readout() != null) {
            net.readout().freeze(!g.readout().trainable());
            out.add(optimizer(config, net.readout().learnable(), p -> g.readout(), net));
        }
        return out;
    }

    /** One optimiser of {@code params}, each learning at its group's rate with its group's decay. */
    private static Optimizer optimizer(TrainConfig config, List<Parameter> params,
            java.util.function.Function<Parameter, GroupConfig> groupOf, Network net) {
        double[] scale = new double[params.size()];
        double[] decay = new double[params.size()];
        GroupConfig rule = null; // the groups of one optimiser's parameters agree on its rule (TrainConfig checks)
        for (int i = 0; i < params.size(); i++) {
            GroupConfig group = groupOf.apply(params.get(i));
            scale[i] = group.lrScale(config.lr());
            decay[i] = group.weightDecay();
            rule = group;
        }
        String kind = rule != null ? rule.optimizerIn(config) : config.optimizer();
        return kind.equals(TrainConfig.SGD)
                ? new Sgd(params, scale, decay, rule != null ? rule.momentumIn(config) : config.momentum(),
                        config.gradClip(), net.manager())
                : new AdamW(params, scale, decay, config.gradClip(), net.manager());
    }

    public Network network() {
        return net;
    }

    public List<Optimizer> optimizers() {
        return optimizers;
    }

    public RunState state() {
        return state;
    }

    /**
     * The largest number of bytes the arrays of one training step held at once (measured on the first batch
     * of every epoch this trainer ran, just before each backward pass).
     */
    public long peakStepBytes() {
        return peakStepBytes;
    }

    /**
     * Per layer, the most bytes one batch's arrays held just before the backward pass of the layer's learning
     * unit (measured as {@link #peakStepBytes}): the activation footprint of each layer's step.
     */
    public long[] layerStepBytes() {
        return layerStepBytes.clone();
    }

    /** Trains from {@code state().nextEpoch()} to the configured number of epochs. */
    public void fit(DataSplits data, String method) {
        RunInfo info = new RunInfo(method, data.dataset(), config.epochs(), state.nextEpoch(), data.train().size(),
                net.layers().size());
        listeners.forEach(l -> l.onTrainingStart(info));
        for (int epoch = state.nextEpoch(); epoch < config.epochs(); epoch++) {
            EpochMetrics m = runEpoch(data, epoch);
            state.finishEpoch(m);
            if (checkpoint != null) {
                checkpoint.save(this);
            }
            listeners.forEach(l -> l.onEpochEnd(m, state.history()));
        }
        listeners.forEach(TrainingListener::onTrainingEnd);
    }

    private EpochMetrics runEpoch(DataSplits data, int epoch) {
        // dropout draws depend on (seed, epoch) only, so a resumed run repeats an uninterrupted one
        Engine.getInstance().setRandomSeed((int) (config.seed() * 1_000_003L + epoch));
        double lr = config.lrSchedule().at(epoch);
        LayerStats[] stats = new LayerStats[net.layers().size()];
        for (int l = 0; l < stats.length; l++) {
            stats[l] = new LayerStats();
        }
        long start = System.nanoTime();
        try (Batches batches = Batches.shuffled(data.train(), data.normalization(), config.batchSize(),
                config.seed() * 7919L + epoch, data.augmentation())) {
            int count = batches.count();
            listeners.forEach(l -> l.onEpochStart(epoch, count));
            if (config.pipelined()) {
                try {
                    new Pipeline(net, optimizers, config.pipeline(), Pipeline.engineThreads(), config.bnRefresh())
                            .run(batches, epoch, lr, l -> config.learns(l, epoch), f -> record(f.batch(), epoch,
                                    f.index(), readOutStep(f, epoch, lr), stats));
                } catch (DivergenceException e) {
                    throw e.withCheckpoint(checkpoint == null ? 0 : state.nextEpoch());
                }
            } else {
                for (int b = 0; batches.hasNext(); b++) {
                    trainBatch(batches.next(), epoch, b, lr, stats);
                }
            }
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double[] losses = new double[stats.length];
        for (int l = 0; l < stats.length; l++) {
            losses[l] = stats[l].meanTaskLoss();
        }
        return config.evaluates(epoch)
                ? EpochEvaluation.evaluate(net, data, epoch, lr, trainSeconds, stats, losses, config.batchSize(), state)
                : EpochEvaluation.unscored(net, epoch, lr, trainSeconds, data.train().size(), stats, losses, state);
    }

    /** One batch through every layer, then the read-out's step. */
    private void trainBatch(Batch batch, int epoch, int b, double lr, LayerStats[] stats) {
        BatchStep.Result r;
        try (BatchStep.InFlight f = BatchStep.start(net, net.manager(), batch, b, b == 0,
                config.bnRefresh())) {
            BatchStep.runUnits(net, optimizers, f, 0, net.units().size(), epoch, lr, l -> config.learns(l, epoch),
                    BatchStep.Clocks.NONE);
            r = readOutStep(f, epoch, lr);
        } catch (DivergenceException e) {
            throw e.withCheckpoint(checkpoint == null ? 0 : state.nextEpoch());
        }
        record(batch, epoch, b, r, stats); // once the batch's arrays are freed
    }

    /** The read-out's step on a batch that has passed every layer (when it has one to train); the batch's figures. */
    private BatchStep.Result readOutStep(BatchStep.InFlight f, int epoch, double lr) {
        BatchStep.trainReadOut(net, optimizers, f, epoch, lr);
        return f.result();
    }

    /** Takes batch {@code b}'s figures into the epoch's statistics and tells the listeners. */
    private void record(Batch batch, int epoch, int b, BatchStep.Result r, LayerStats[] stats) {
        peakStepBytes = Math.max(peakStepBytes, r.peakBytes());
        if (layerStepBytes.length != r.layerBytes().length) {
            layerStepBytes = new long[r.layerBytes().length];
        }
        for (int l = 0; l < layerStepBytes.length; l++) {
            layerStepBytes[l] = Math.max(layerStepBytes[l], r.layerBytes()[l]);
        }
        double sum = 0;
        for (int l = 0; l < stats.length; l++) {
            stats[l].add(r.loss()[l], r.taskLoss()[l], r.correct()[l], batch.size());
            sum += r.loss()[l];
        }
        double loss = sum / stats.length;
        listeners.forEach(l -> l.onBatchEnd(epoch, b, batch.size(), loss));
    }
}
