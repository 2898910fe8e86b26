package ffcnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ffcnn.nn.Network;
import ffcnn.objective.CrossEntropy;
import java.util.List;

/**
 * One training step of the network's read-out on a batch, after the layers' step: on the features the layers gave
 * the batch's neutral input in evaluation mode after their updates ({@link BatchStep.InFlight#readOutFeatures},
 * detached), only the read-out's cross-entropy is back-propagated, into the read-out alone. The layers therefore
 * train exactly as they would without a read-out (no gradient, no random draw).
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

    /**
     * Trains {@code net}'s read-out on {@code features} of images labelled {@code labels} with optimiser
     * {@code opt} at rate {@code lr}; its arrays are freed before it returns.
     */
    static Result run(Network net, Optimizer opt, List<NDArray> features, int[] labels, double lr) {
        try (NDManager step = features.get(0).getManager().newSubManager()) {
            NDArray y = step.create(labels);
            float loss;
            try (GradientScope gc = new GradientScope()) {
                NDArray logits = net.readout().logits(features);
                logits.attach(step);
                NDArray ce = CrossEntropy.of(logits, y, 0f);
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
