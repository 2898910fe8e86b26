package ffcnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ffcnn.encoding.Targets;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.LocalLoss;
import ffcnn.nn.ReadOut;
import ffcnn.nn.ResidualPass;
import java.util.List;

/**
 * One learning unit's step on one batch. A forward-only unit is one layer: forward on the detached input,
 * local loss, backward (which reaches only this layer), clip and optimiser step, then the normalised
 * output for the next layer. An end-to-end unit (the backprop baseline) chains its layers without
 * detaching, so the last layer's loss trains them all; the other layers' heads see detached activations.
 * The phases report to a {@link Clock} so that the benchmark times exactly this code.
 */
public final class LocalStep {

    /** Receives the end of each phase; {@link #NONE} in training. */
    public interface Clock {
        Clock NONE = phase -> { };

        /** Phase {@code phase} (0 forward, 1 loss, 2 backward, 3 optimizer, 4 pass-on) just ended. */
        void phaseEnd(int phase);
    }

    /**
     * What the step leaves: the next unit's input (null when a loss was not finite, before any update) and
     * per-layer figures of the unit's layers.
     *
     * @param bytes bytes of the arrays alive in the step's manager just before the backward pass, when
     *              measured (else 0)
     */
    public record Result(NDArray next, float[] loss, float[] taskLoss, long[] correct, long bytes,
            List<NDArray> features) {
    }

    private LocalStep() {
    }

    /**
     * Runs the unit {@code layers} (with one optimiser each) on input {@code x}; {@code pass} carries the
     * residual shortcut across layers. With a {@code measured} manager, counts the bytes alive in it (and its
     * children) before backward. Without {@code update} the unit only computes its output and losses: no
     * gradient, no optimiser step (a frozen layer). With a read-out that learns from the step's own activations
     * ({@link ReadOut#fromStep}), the result carries, detached, its feature of every layer of the unit it reads
     * ({@code first}: the unit's first layer's index in the network).
     */
    public static Result run(List<LocalLayer> layers, List<Optimizer> opts, NDArray x, ResidualPass pass,
            Targets targets, int epoch, double lr, boolean update, NDManager measured, Clock clock, ReadOut read,
            int first) {
        int n = layers.size();
        NDArray[] ys = new NDArray[n];
        LocalLoss[] losses = new LocalLoss[n];
        float[] totals = new float[n];
        long bytes = 0;
        try (GradientScope gc = update ? new GradientScope() : null) {
            NDArray in = x;
            for (int i = 0; i < n; i++) {
                LocalLayer layer = layers.get(i);
                ys[i] = i == 0 ? layer.activations(in, true) : layer.activationsAttached(in, true);
                if (i < n - 1) {
                    in = pass.next(layer.spec().link(), layer.passOnAttached(ys[i]));
                }
            }
            clock.phaseEnd(0);
            NDArray total = null;
            for (int i = 0; i < n; i++) {
                losses[i] = layers.get(i).loss(i == n - 1 ? ys[i] : ys[i].stopGradient(), targets, epoch);
                totals[i] = losses[i].total().getFloat();
                total = total == null ? losses[i].total() : total.add(losses[i].total());
            }
            clock.phaseEnd(1);
            for (float t : totals) {
                if (!Float.isFinite(t)) {
                    return new Result(null, totals, null, null, 0, List.of());
                }
            }
            if (measured != null) {
                bytes = liveBytes(measured);
            }
            if (update) {
                gc.backward(total);
            }
        }
        clock.phaseEnd(2);
        for (int i = 0; update && i < opts.size(); i++) {
            opts.get(i).step(lr);
        }
        clock.phaseEnd(3);
        float[] task = new float[n];
        long[] correct = new long[n];
        for (int i = 0; i < n; i++) {
            task[i] = losses[i].taskLoss().getFloat();
            correct[i] = losses[i].correct().getLong();
        }
        List<NDArray> features = new java.util.ArrayList<>();
        for (int i = 0; read != null && i < n; i++) {
            if (read.reads(first + i)) {
                features.add(read.feature(ys[i], null));
            }
        }
        LocalLayer last = layers.get(n - 1);
        NDArray next = pass.next(last.spec().link(), last.passOn(ys[n - 1]));
        clock.phaseEnd(4);
        return new Result(next, totals, task, correct, bytes, features);
    }

    /** Bytes of every array alive in {@code manager} and its children. */
    static long liveBytes(NDManager manager) {
        return ffcnn.nn.LayerScope.liveBytes(manager);
    }
}
