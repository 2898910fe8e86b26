package ffcnn.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ffcnn.data.Batch;
import ffcnn.nn.Network;
import ffcnn.objective.CrossEntropy;
import ffcnn.predict.Evaluator;
import java.util.List;

/**
 * One training step of the network's read-out on a batch, after the layers' step: the layers run in evaluation
 * mode outside any gradient scope on the input with a neutral label, their pooled outputs are detached, and only
 * the read-out's cross-entropy is back-propagated, into the read-out alone. The layers therefore train exactly as
 * they would without a read-out (no gradient, no random draw).
 */
final class ReadOutStep {

    /**
     * The step's loss.
     *
     * @param loss mean cross-entropy of the batch (not finite: the step was not taken)
     */
    record Result(float loss) {
    }

    private ReadOutStep() {
    }

    /** Trains {@code net}'s read-out on {@code batch} with optimiser {@code opt} at rate {@code lr}. */
    static Result run(Network net, Optimizer opt, NDManager parent, Batch batch, double lr) {
        try (NDManager step = parent.newSubManager()) {
            List<NDArray> features = net.features(Evaluator.images(step, batch));
            NDArray labels = step.create(java.util.Arrays.copyOf(batch.labels(), batch.size()));
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.readout().logits(features);
                NDArray ce = CrossEntropy.of(logits, labels, 0f);
                loss = ce.getFloat();
                if (!Float.isFinite(loss)) {
                    return new Result(loss);
                }
                gc.backward(ce);
            }
            opt.step(lr);
            return new Result(loss);
        }
    }
}
