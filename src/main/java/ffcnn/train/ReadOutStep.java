package ffcnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ffcnn.nn.LocalLoss;
import ffcnn.nn.Network;
import ffcnn.nn.ReadOut;
import ffcnn.objective.CrossEntropy;
import java.util.List;

/**
 * One training step of the network's read-out on a batch, after the layers' step: on the features the layers gave
 * the batch's neutral input in evaluation mode after their updates, or the step's own activations for a read-out
 * that learns from them ({@link BatchStep.InFlight#readOutFeatures}, detached), only the read-out's loss is
 * back-propagated, into the read-out alone: the cross-entropy of a classifier over layers' summed logits
 * ({@link #classifierLoss}), or the sum of the per-layer predictors' losses (their objective's
 * {@link ReadOut.Rule}; each predictor's gradient is its own loss's). The layers therefore train exactly as they
 * would without a read-out (no gradient, no random draw).
 */
final class ReadOutStep {

    /**
     * The step's losses.
     *
     * @param loss    per layer read by a per-layer read-out, its predictor's loss (mean over the batch); for a
     *                classifier over layers, one value, its cross-entropy (any not finite: the step was not taken)
     * @param correct per layer read by a per-layer read-out, the batch's images its predictor classified correctly
     */
    record Result(float[] loss, long[] correct) {
    }

    private ReadOutStep() {
    }

    /**
     * The loss of {@code read}, a classifier over layers, for its summed logits [B, K] and integer {@code labels}
     * [B], mean over the batch: the cross-entropy of the logits, or of their softmax ({@link ReadOut#softmaxFirst}).
     */
    static NDArray classifierLoss(ReadOut read, NDArray logits, NDArray labels) {
        return CrossEntropy.of(read.softmaxFirst() ? logits.softmax(-1) : logits, labels, 0f);
    }

    /**
     * Trains {@code net}'s read-out on {@code features} of images labelled {@code labels} with optimiser
     * {@code opt} at rate {@code lr}; its arrays are freed before it returns.
     */
    static Result run(Network net, Optimizer opt, List<NDArray> features, int[] labels, double lr) {
        ReadOut read = net.readout();
        int[] layers = read.layers();
        try (NDManager step = features.get(0).getManager().newSubManager()) {
            NDArray y = step.create(labels);
            float[] losses = new float[read.perLayer() ? layers.length : 1];
            long[] correct = new long[read.perLayer() ? layers.length : 0];
            try (GradientScope gc = new GradientScope()) {
                NDArray total = null;
                if (read.perLayer()) {
                    for (int i = 0; i < layers.length; i++) {
                        NDArray logits = read.logits(layers[i], features.get(i));
                        logits.attach(step);
                        NDArray loss = read.loss(logits, y);
                        losses[i] = loss.getFloat();
                        correct[i] = LocalLoss.classified(loss, loss, logits, y).correct().getLong();
                        total = total == null ? loss : total.add(loss);
                    }
                } else {
                    NDArray logits = read.logits(features);
                    logits.attach(step);
                    total = classifierLoss(read, logits, y);
                    losses[0] = total.getFloat();
                }
                for (float loss : losses) {
                    if (!Float.isFinite(loss)) {
                        return new Result(losses, correct);
                    }
                }
                gc.backward(total);
            }
            opt.step(lr);
            return new Result(losses, correct);
        }
    }
}
