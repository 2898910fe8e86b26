package ffcnn.predict;

import java.util.Arrays;

/**
 * Prediction by the network's trainable read-out ({@link ffcnn.nn.ReadOut}), whose parameters are this strategy's
 * state: saved with the model by the read-out and read back with it.
 *
 * @param name the read-out's kind ({@code linear-heads}, {@code neutral-linear})
 */
public record ReadOutStrategy(String name) implements PredictionStrategy {

    @Override
    public float[] combine(LayerScores scores, int i) {
        if (scores.readout() == null) {
            throw new IllegalStateException("strategy " + name + " needs the read-out's logits");
        }
        int k = scores.classes();
        return Arrays.copyOfRange(scores.readout(), i * k, (i + 1) * k);
    }

    @Override
    public boolean usesHead(int layer) {
        return false;
    }

    @Override
    public boolean usesReadOut() {
        return true;
    }
}
