package ffcnn.train;

import java.util.List;

/**
 * The {@code train:} section of a preset.
 *
 * @param epochs      epochs to train (also the cosine period T_max)
 * @param batchSize   images per batch
 * @param lr          initial learning rate lr0
 * @param lrMin       final learning rate eta_min of the cosine schedule
 * @param weightDecay decoupled weight decay of AdamW (0 = Adam), or SGD's L2 term added to the gradient
 * @param gradClip    global-norm gradient clip per layer (0 = none)
 * @param seed        seed of initialisation, shuffling and dropout
 * @param layerEpochs per layer {@code [first, end)}: the epochs in which that layer learns; in the other
 *                    epochs it only passes its output on (CwComp's layer-wise schedule); empty: every layer
 *                    learns in every epoch
 * @param optimizer   {@code adamw} ({@link AdamW}, every method's default) or {@code sgd} ({@link Sgd}: momentum
 *                    SGD, loeweX's Forward-Forward optimiser, specs/baselines.md 3.7)
 * @param momentum    SGD's momentum mu in [0, 1) (unused by AdamW)
 * @param groups      per parameter group (body, head, read-out): trainable or frozen, learning rate and weight
 *                    decay
 * @param schedule    {@code sequential} (each batch through every learning unit in turn) or {@code pipelined}
 *                    (contiguous runs of units on threads of their own, batches handed on through queues:
 *                    {@link Pipeline})
 * @param pipeline    the pipeline's stages and queues (read when {@code schedule} is {@code pipelined})
 * @param bnRefresh   after each batch's step, the batch passes once more through every layer in training mode,
 *                    without gradient, so that batch norm updates its running statistics a second time, with the
 *                    updated weights: what CwComp's official loop does by predicting the training batch in
 *                    training mode after every step (specs/baselines.md 6); needs {@code model.dropout} 0
 * @param evalEvery   the validation and test splits are scored after every {@code evalEvery}-th epoch and after
 *                    the last (1: after every epoch); the epochs between have training figures only, which
 *                    saves the evaluation's time where only the final figure matters (the {@code fast} presets)
 */
public record TrainConfig(int epochs, int batchSize, double lr, double lrMin, double weightDecay, double gradClip,
        long seed, List<List<Integer>> layerEpochs, String optimizer, double momentum, ParameterGroups groups,
        String schedule, PipelineConfig pipeline,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        boolean bnRefresh, int evalEvery) {

    /** {@link #optimizer} of {@link AdamW}. */
    public static final String ADAMW = "adamw";

    /** {@link #optimizer} of {@link Sgd}. */
    public static final String SGD = "sgd";

    /** {@link #schedule}: one batch through every unit at a time. */
    public static final String SEQUENTIAL = "sequential";

    /** {@link #schedule}: units grouped into stages that run at once ({@link Pipeline}). */
    public static final String PIPELINED = "pipelined";

    /** SGD's momentum when a preset does not name one (loeweX's). */
    public static final double DEFAULT_MOMENTUM = 0.9;

    public TrainConfig {
        positive("train.epochs", epochs);
        positive("train.batch_size", batchSize);
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("train.lr must be a finite number > 0, got " + lr);
        }
        nonNegative("train.lr_min", lrMin);
        nonNegative("train.weight_decay", weightDecay);
        nonNegative("train.grad_clip", gradClip);
        if (!ADAMW.equals(optimizer) && !SGD.equals(optimizer)) {
            throw new IllegalArgumentException("train.optimizer '" + optimizer + "' is not one of adamw, sgd");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("train.momentum must be in [0, 1), got " + momentum);
        }
        layerEpochs = List.copyOf(layerEpochs);
        for (List<Integer> range : layerEpochs) {
            if (range.size() != 2 || range.get(0) < 0 || range.get(1) < range.get(0)) {
                throw new IllegalArgumentException("train.layer_epochs holds [first, end) pairs, got " + range);
            }
        }
        if (groups == null) {
            groups = ParameterGroups.inherit(lr, weightDecay);
        }
        GroupConfig body = groups.body();
        GroupConfig head = groups.head();
        if (!orElse(body.optimizer(), optimizer).equals(orElse(head.optimizer(), optimizer))
                || !orElse(body.momentum(), momentum).equals(orElse(head.momentum(), momentum))) {
            throw new IllegalArgumentException("train.groups.body and train.groups.head must have the same optimizer"
                    + " and momentum: a layer's body and head share one optimiser");
        }
        if (schedule == null) {
            schedule = SEQUENTIAL;
        }
        if (!SEQUENTIAL.equals(schedule) && !PIPELINED.equals(schedule)) {
            throw new IllegalArgumentException("train.schedule '" + schedule + "' is not one of sequential, pipelined");
        }
        if (pipeline == null) {
            pipeline = PipelineConfig.DEFAULT;
        }
        positive("train.eval_every", evalEvery);
    }

    /** Scored after every epoch. */
    public TrainConfig(int epochs, int batchSize, double lr, double lrMin, double weightDecay, double gradClip,
            long seed, List<List<Integer>> layerEpochs, String optimizer, double momentum, ParameterGroups groups,
            String schedule, PipelineConfig pipeline, boolean bnRefresh) {
        this(epochs, batchSize, lr, lrMin, weightDecay, gradClip, seed, layerEpochs, optimizer, momentum, groups,
                schedule, pipeline, bnRefresh, 1);
    }

    /** Batch norm's running statistics updated once per batch, by the step itself. */
    public TrainConfig(int epochs, int batchSize, double lr, double lrMin, double weightDecay, double gradClip,
            long seed, List<List<Integer>> layerEpochs, String optimizer, double momentum, ParameterGroups groups,
            String schedule, PipelineConfig pipeline) {
        this(epochs, batchSize, lr, lrMin, weightDecay, gradClip, seed, layerEpochs, optimizer, momentum, groups,
                schedule, pipeline, false);
    }

    /** The sequential schedule with the default pipeline settings. */
    public TrainConfig(int epochs, int batchSize, double lr, double lrMin, double weightDecay, double gradClip,
            long seed, List<List<Integer>> layerEpochs, String optimizer, double momentum, ParameterGroups groups) {
        this(epochs, batchSize, lr, lrMin, weightDecay, gradClip, seed, layerEpochs, optimizer, momentum, groups,
                SEQUENTIAL, PipelineConfig.DEFAULT);
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, got " + value);
        }
    }

    private static void nonNegative(String key, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number >= 0, got " + value);
        }
    }

    /** AdamW; every parameter group trainable with {@code lr} and {@code weightDecay}. */
    public TrainConfig(int epochs, int batchSize, double lr, double lrMin, double weightDecay, double gradClip,
            long seed, List<List<Integer>> layerEpochs) {
        this(epochs, batchSize, lr, lrMin, weightDecay, gradClip, seed, layerEpochs, ADAMW, DEFAULT_MOMENTUM, null);
    }

    /** AdamW, every group as the run; every layer learns in every epoch. */
    public TrainConfig(int epochs, int batchSize, double lr, double lrMin, double weightDecay, double gradClip,
            long seed) {
        this(epochs, batchSize, lr, lrMin, weightDecay, gradClip, seed, List.of());
    }

    /** Whether layer {@code layer} learns in epoch {@code epoch} (0-based). */
    public boolean learns(int layer, int epoch) {
        if (layerEpochs.isEmpty()) {
            return true;
        }
        List<Integer> range = layerEpochs.get(layer);
        return epoch >= range.get(0) && epoch < range.get(1);
    }

    /** This config with {@code epochs} epochs in all (the cosine period follows). */
    public TrainConfig withEpochs(int epochs) {
        return new TrainConfig(epochs, batchSize, lr, lrMin, weightDecay, gradClip, seed, layerEpochs, optimizer,
                momentum, groups, schedule, pipeline, bnRefresh, evalEvery);
    }

    /** Whether the validation and test splits are scored after epoch {@code epoch} (0-based). */
    public boolean evaluates(int epoch) {
        return (epoch + 1) % evalEvery == 0 || epoch + 1 >= epochs;
    }

    /** Whether batches go through the units by {@link Pipeline}. */
    public boolean pipelined() {
        return PIPELINED.equals(schedule);
    }

    /** The learning rate of every epoch. */
    public CosineSchedule lrSchedule() {
        return new CosineSchedule(lr, lrMin, epochs);
    }
}
