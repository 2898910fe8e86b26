package ffcnn.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ffcnn.nn.LocalLayer;
import ffcnn.objective.LocalLoss;

/**
 * One layer's learning step on one batch: forward on the detached input, local loss, backward (which
 * reaches only this layer), clip and optimiser step, then the normalised output for the next layer.
 * The phases report to a {@link Clock} so that the benchmark times exactly this code.
 */
public final class LocalStep {

    /** Receives the end of each phase; {@link #NONE} in training. */
    public interface Clock {
        Clock NONE = phase -> { };

        /** Phase {@code phase} (0 forward, 1 loss, 2 backward, 3 optimizer, 4 pass-on) just ended. */
        void phaseEnd(int phase);
    }

    /** What the step leaves: the next layer's input and the batch's figures. */
    public record Result(NDArray next, float loss, float taskLoss, long correct) {
    }

    private LocalStep() {
    }

    /** Runs the step of {@code layer} with optimiser {@code opt}; throws on a non-finite loss, before the update. */
    public static Result run(LocalLayer layer, AdamW opt, NDArray x, NDArray labels, int epoch, double lr,
            Clock clock) {
        NDArray y;
        LocalLoss loss;
        float total;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            y = layer.activations(x, true);
            clock.phaseEnd(0);
            loss = layer.loss(y, labels, epoch);
            total = loss.total().getFloat();
            clock.phaseEnd(1);
            if (!Float.isFinite(total)) {
                return new Result(null, total, Float.NaN, 0);
            }
            gc.backward(loss.total());
        }
        clock.phaseEnd(2);
        opt.step(lr);
        clock.phaseEnd(3);
        float task = loss.taskLoss().getFloat();
        long correct = loss.scores().argMax(1).toType(DataType.INT32, false).eq(labels).sum().getLong();
        NDArray next = layer.passOn(y);
        clock.phaseEnd(4);
        return new Result(next, total, task, correct);
    }
}
