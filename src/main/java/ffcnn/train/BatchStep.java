package ffcnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ffcnn.data.Batch;
import ffcnn.encoding.Encoder;
import ffcnn.encoding.Targets;
import ffcnn.nn.LayerScope;
import ffcnn.nn.Network;
import ffcnn.nn.ResidualPass;
import ffcnn.predict.Evaluator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One training batch through every learning unit of a network, unit after unit. Each unit's arrays live
 * in a {@link LayerScope} that is closed once its step is done; only the next unit's input and the
 * residual shortcut are kept. So forward-only training holds one layer's activations at a time, and the
 * backprop baseline (one unit) holds them all, as it must.
 */
public final class BatchStep {

    /** Gives the clock of each unit (the benchmark times phases per layer). */
    public interface Clocks {
        Clocks NONE = unit -> LocalStep.Clock.NONE;

        LocalStep.Clock of(int unit);
    }

    /**
     * Per-layer figures of a batch.
     *
     * @param peakBytes  the largest number of bytes alive in the batch's arrays just before a backward pass,
     *                   when measured (else 0)
     * @param layerBytes per layer, the bytes alive in the batch's arrays just before the backward pass of the
     *                   layer's learning unit, when measured (else 0s): a forward-only layer's own footprint;
     *                   the layers of one end-to-end unit share one figure
     */
    public record Result(float[] loss, float[] taskLoss, long[] correct, long peakBytes, long[] layerBytes) {
    }

    private BatchStep() {
    }

    /**
     * One batch on its way through the network's learning units: the manager of its arrays, the next unit's input,
     * the residual shortcut, the targets, and the per-layer figures of the units it has passed. The sequential
     * step takes it through every unit at once; the pipeline hands it from stage to stage, one thread at a time.
     */
    public static final class InFlight implements AutoCloseable {
        private final NDManager step;
        private final Batch batch;
        private final int index;
        private final boolean measure;
        private final ResidualPass pass = new ResidualPass();
        private final float[] loss;
        private final float[] task;
        private final long[] correct;
        private final long[] layerBytes;
        private final boolean readOut;
        private final boolean fromStep;
        private final List<NDArray> stepFeatures = new java.util.ArrayList<>();
        private final boolean refresh;
        private long peak;
        private NDArray x;
        private Targets targets;
        private Network.AfterStep features;
        private Network.AfterStep statistics;

        private InFlight(Network net, NDManager parent, Batch batch, int index, boolean measure, boolean refresh) {
            int layers = net.layers().size();
            this.readOut = net.readout() != null && !net.readout().learnable().isEmpty();
            this.fromStep = readOut && net.readout().fromStep();
            this.refresh = refresh;
            this.step = parent.newSubManager();
            this.batch = batch;
            this.index = index;
            this.measure = measure;
            this.loss = new float[layers];
            this.task = new float[layers];
            this.correct = new long[layers];
            this.layerBytes = new long[layers];
        }

        /** The batch. */
        public Batch batch() {
            return batch;
        }

        /** Its index in the epoch. */
        public int index() {
            return index;
        }

        /**
         * The read-out's features of the batch (its neutral input after the layers' updates on it, or the training
         * step's own activations for a read-out that learns from them), once it has passed every unit; null when the
         * network has no read-out to train.
         */
        public List<NDArray> readOutFeatures() {
            if (fromStep) {
                return stepFeatures;
            }
            return features == null ? null : features.features();
        }

        /** What the units it passed measured (valid once it has passed them all). */
        public Result result() {
            return new Result(loss, task, correct, peak, layerBytes);
        }

        /** Frees every array the batch still holds. */
        @Override
        public void close() {
            step.close();
        }
    }

    /**
     * A batch about to enter the first unit; {@code measure}: count the bytes alive before each backward pass;
     * {@code refresh} ({@code train.bn_refresh}): the batch also passes each unit once more in training mode, after
     * the unit's step, for batch norm's running statistics. Its input is prepared by the first call to
     * {@link #runUnits}, so that the encoder's random draws (negative labels) come where the sequential step makes
     * them.
     */
    public static InFlight start(Network net, NDManager parent, Batch batch, int index, boolean measure,
            boolean refresh) {
        return new InFlight(net, parent, batch, index, measure, refresh);
    }

    /**
     * Trains {@code net} on {@code batch}; throws {@link DivergenceException} (batch {@code index}) on a
     * non-finite loss, before that unit's update. A unit learns when it has parameters that are not frozen and
     * {@code learns} holds for one of its layers; otherwise it only passes its output on. {@code refresh}
     * ({@code train.bn_refresh}): batch norm's second pass after each unit's step; then the read-out's step.
     */
    public static Result run(Network net, List<Optimizer> opts, NDManager parent, Batch batch, int epoch, int index,
            double lr, IntPredicate learns, boolean measure, boolean refresh, Clocks clocks) {
        try (InFlight f = start(net, parent, batch, index, measure, refresh)) {
            runUnits(net, opts, f, 0, net.units().size(), epoch, lr, learns, clocks);
            trainReadOut(net, opts, f, epoch, lr);
            return f.result();
        }
    }

    /**
     * The read-out's step on {@code f} once it has passed every unit, when the network has a read-out to train (its
     * optimiser the last of {@code opts}, after one per layer); throws {@link DivergenceException} on a non-finite
     * loss, before the update (naming the layer of a per-layer predictor, else layer index L). A per-layer
     * read-out's losses and hits become the figures of the layers it predicts for.
     */
    public static void trainReadOut(Network net, List<Optimizer> opts, InFlight f, int epoch, double lr) {
        if (f.readOutFeatures() == null) {
            return;
        }
        ReadOutStep.Result r = ReadOutStep.run(net, opts.get(opts.size() - 1), f.readOutFeatures(),
                f.batch().labels(), lr);
        boolean perLayer = net.readout().perLayer();
        int[] layers = net.readout().layers();
        for (int i = 0; i < r.loss().length; i++) {
            if (!Float.isFinite(r.loss()[i])) {
                throw new DivergenceException(epoch, f.index(), perLayer ? layers[i] : net.layers().size(),
                        r.loss()[i]);
            }
        }
        for (int i = 0; perLayer && i < layers.length; i++) {
            f.loss[layers[i]] = r.loss()[i];
            f.task[layers[i]] = r.loss()[i];
            f.correct[layers[i]] = r.correct()[i];
        }
    }

    /**
     * Takes {@code f} through the learning units {@code [fromUnit, toUnit)} of {@code net} (as {@link #run});
     * afterwards it holds the input of unit {@code toUnit}. Then the units' layers take the batch's neutral input on
     * once more, in training mode for batch norm's statistics when the batch was started with {@code refresh}, and in
     * evaluation mode for the read-out's features when the network has a read-out to train: after their updates on
     * this batch and before any on the next, as a pass over the whole network after the batch's step would see
     * them, wherever the units run (the pipeline's stages each take their own).
     */
    public static void runUnits(Network net, List<Optimizer> opts, InFlight f, int fromUnit, int toUnit, int epoch,
            double lr, IntPredicate learns, Clocks clocks) {
        if (f.x == null) {
            Encoder.Encoded input = net.trainingInput(Evaluator.images(f.step, f.batch), f.batch.labels());
            f.x = input.input();
            f.targets = input.targets();
        }
        List<int[]> units = net.units();
        for (int u = fromUnit; u < toUnit; u++) {
            int from = units.get(u)[0];
            int to = units.get(u)[1];
            LocalStep.Clock clock = clocks.of(u);
            boolean update = java.util.stream.IntStream.range(from, to).anyMatch(learns)
                    && opts.subList(from, to).stream().anyMatch(o -> !o.isEmpty()); // all frozen: nothing learns
            LocalStep.Result[] r = new LocalStep.Result[1];
            NDList kept = LayerScope.run(f.x, f.pass, unitInput -> {
                r[0] = LocalStep.run(net.layers().subList(from, to), opts.subList(from, to), unitInput, f.pass,
                        f.targets, epoch, lr, update, f.measure ? f.step : null, clock,
                        f.fromStep ? net.readout() : null, from);
                if (r[0].next() == null) {
                    int bad = firstNonFinite(r[0].loss());
                    throw new DivergenceException(epoch, f.index, from + bad, r[0].loss()[bad]);
                }
                NDList out = new NDList(r[0].next());
                out.addAll(r[0].features());
                return out;
            });
            f.x = kept.get(0);
            f.stepFeatures.addAll(kept.subList(1, kept.size()));
            System.arraycopy(r[0].loss(), 0, f.loss, from, to - from);
            System.arraycopy(r[0].taskLoss(), 0, f.task, from, to - from);
            System.arraycopy(r[0].correct(), 0, f.correct, from, to - from);
            f.peak = Math.max(f.peak, r[0].bytes());
            java.util.Arrays.fill(f.layerBytes, from, to, r[0].bytes());
        }
        if (fromUnit >= toUnit) {
            return;
        }
        int first = units.get(fromUnit)[0];
        int end = units.get(toUnit - 1)[1];
        if (f.refresh) {
            if (f.statistics == null) {
                f.statistics = net.statisticsPass(Evaluator.images(f.step, f.batch));
            }
            net.advance(f.statistics, first, end);
        }
        if (f.readOut && !f.fromStep) {
            if (f.features == null) {
                f.features = net.readOutPass(Evaluator.images(f.step, f.batch));
            }
            net.advance(f.features, first, end);
        }
    }

    private static int firstNonFinite(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i;
            }
        }
        return 0;
    }
}
