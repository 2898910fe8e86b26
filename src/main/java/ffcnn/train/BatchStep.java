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
     * Trains {@code net} on {@code batch}; throws {@link DivergenceException} (batch {@code index}) on a
     * non-finite loss, before that unit's update. A unit learns when it has parameters that are not frozen and
     * {@code learns} holds for one of its
     * layers; otherwise it only passes its output on.
     */
    public static Result run(Network net, List<Optimizer> opts, NDManager parent, Batch batch, int epoch, int index,
            double lr, IntPredicate learns, boolean measure, Clocks clocks) {
        int layers = net.layers().size();
        float[] loss = new float[layers];
        float[] task = new float[layers];
        long[] correct = new long[layers];
        long peak = 0;
        long[] layerBytes = new long[layers];
        try (NDManager step = parent.newSubManager()) {
            Encoder.Encoded input = net.trainingInput(Evaluator.images(step, batch), batch.labels());
            NDArray x = input.input();
            Targets targets = input.targets();
            ResidualPass pass = new ResidualPass();
            List<int[]> units = net.units();
            for (int u = 0; u < units.size(); u++) {
                int from = units.get(u)[0];
                int to = units.get(u)[1];
                LocalStep.Clock clock = clocks.of(u);
                boolean update = java.util.stream.IntStream.range(from, to).anyMatch(learns)
                        && opts.subList(from, to).stream().anyMatch(o -> !o.isEmpty()); // all frozen: nothing learns
                LocalStep.Result[] r = new LocalStep.Result[1];
                x = LayerScope.run(x, pass, unitInput -> {
                    r[0] = LocalStep.run(net.layers().subList(from, to), opts.subList(from, to), unitInput, pass,
                            targets, epoch, lr, update, measure ? step : null, clock);
                    if (r[0].next() == null) {
                        int bad = firstNonFinite(r[0].loss());
                        throw new DivergenceException(epoch, index, from + bad, r[0].loss()[bad]);
                    }
                    return new NDList(r[0].next());
                }).get(0);
                System.arraycopy(r[0].loss(), 0, loss, from, to - from);
                System.arraycopy(r[0].taskLoss(), 0, task, from, to - from);
                System.arraycopy(r[0].correct(), 0, correct, from, to - from);
                peak = Math.max(peak, r[0].bytes());
                java.util.Arrays.fill(layerBytes, from, to, r[0].bytes());
            }
        }
        return new Result(loss, task, correct, peak, layerBytes);
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
