package ffcnn.predict;

import ffcnn.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prediction strategies, looked up by name. The strategies over the layers' own scores
 * ({@link WeightedLayers}) take what they need from the model's state (the layer losses behind
 * {@code loss-aware}, the validation range of {@code best-range}); a strategy with trained state of its own
 * ({@link ReadOutStrategy}) has it saved and read back by its read-out, and is offered only by a model trained
 * with that read-out ({@code predict.readout}).
 */
public final class Strategies {

    /** What each strategy does, by name, in the order evaluations report them. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    /** Every strategy's name. */
    public static final List<String> NAMES = List.copyOf(DESCRIPTIONS.keySet());

    private Strategies() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("loss-aware", "layers' scores weighted by softmax(-training loss) (CAW-Conv)");
        d.put("best-range", "sum over the contiguous layer range most accurate on validation (DeeperForward)");
        d.put("last-layer", "the last layer's scores alone (ASGE S1)");
        d.put("all-layers", "sum of every layer's scores (ASGE S2)");
        d.put("goodness", "sum over every layer but the first (Forward-Forward)");
        d.put("linear-heads", "read-out: linear heads on each layer's pooled output, summed (ASGE S3; "
                + "predict.readout: linear-heads)");
        d.put("neutral-linear", "read-out: one linear classifier on the neutral input's activations of layers 2..L "
                + "(Forward-Forward; predict.readout: neutral-linear)");
        return java.util.Collections.unmodifiableMap(d);
    }

    /** Whether {@code name} is a read-out strategy (one with trained state of its own). */
    public static boolean isReadOut(String name) {
        return ffcnn.nn.ReadOut.KINDS.contains(name);
    }

    /** Fails with one line naming the known strategies when {@code name} is not one. */
    public static void check(String name) {
        if (!DESCRIPTIONS.containsKey(name)) {
            throw new UserInputException("unknown strategy '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }

    /** The strategies a model trained with read-out {@code readout} ({@code none} or a kind) offers, in order. */
    public static List<String> available(String readout) {
        List<String> out = new ArrayList<>(WeightedLayers.NAMES);
        if (isReadOut(readout)) {
            out.add(readout);
        }
        return out;
    }

    /**
     * The strategy {@code name} of a model with per-layer training {@code losses}, validation range
     * {@code range} ({start, end}) and read-out {@code readout}.
     */
    public static PredictionStrategy get(String name, double[] losses, int[] range, String readout) {
        check(name);
        if (isReadOut(name)) {
            if (!name.equals(readout)) {
                throw new UserInputException("strategy " + name + " needs a model trained with predict.readout: "
                        + name + " (this one has " + readout + ")");
            }
            return new ReadOutStrategy(name);
        }
        return WeightedLayers.named(name, losses, range);
    }

    /** Every strategy a model with read-out {@code readout} offers. */
    public static List<PredictionStrategy> all(double[] losses, int[] range, String readout) {
        return available(readout).stream().map(n -> get(n, losses, range, readout)).toList();
    }
}
