package ffcnn.predict;

import com.fasterxml.jackson.databind.JsonNode;
import ffcnn.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prediction strategies, looked up by name. Each saves and reads back its own state: a fitted strategy over
 * the layers' scores gives its {@link PredictionStrategy#state} ({@link #states}: {@code loss-aware}'s layer
 * losses, {@code best-range}'s validation range), the model saves it under the strategy's name, and on loading
 * {@link #get} hands it to the reader registered for that name; a read-out strategy ({@link ReadOutStrategy})
 * has its state saved and read back by its read-out, and is offered only by a model trained with that read-out
 * ({@code predict.readout}).
 */
public final class Strategies {

    /** Builds a strategy of a network of {@code layers} layers from its saved state (null: none was saved). */
    private interface Reader {
        PredictionStrategy read(JsonNode state, int layers);
    }

    /** The reader of each strategy over the layers' scores. */
    private static final Map<String, Reader> READERS = Map.of(
            "loss-aware", WeightedLayers::lossAware,
            "best-range", WeightedLayers::bestRange,
            "last-layer", (state, layers) -> WeightedLayers.lastLayer(layers),
            "all-layers", (state, layers) -> WeightedLayers.allLayers(layers),
            "goodness", (state, layers) -> WeightedLayers.goodness(layers));

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
        d.put("softmax-linear", "read-out: one linear classifier on the flattened activations of the training step, "
                + "softmax before its cross-entropy (CwComp's Softmax_CF on the last layer; predict.readout: "
                + "softmax-linear)");
        return java.util.Collections.unmodifiableMap(d);
    }

    /**
     * Whether {@code name} is a read-out strategy (one with trained state of its own): the kinds of read-out that
     * classify over layers. A per-layer read-out has no strategy of its own; its predictors score their layers.
     */
    public static boolean isReadOut(String name) {
        return ffcnn.nn.ReadOut.OVER_LAYERS.contains(name);
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
     * The strategies fitted at the end of an epoch: of a model with per-layer training {@code losses},
     * validation range {@code range} ({start, end}) and read-out {@code readout}, every one it offers.
     */
    public static List<PredictionStrategy> fitted(double[] losses, int[] range, String readout) {
        return available(readout).stream().<PredictionStrategy>map(n -> isReadOut(n) ? readOut(n, readout)
                : WeightedLayers.named(n, losses, range)).toList();
    }

    /** The states of {@code strategies} to save with a model, by strategy name (those with a state). */
    public static Map<String, JsonNode> states(List<PredictionStrategy> strategies) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (PredictionStrategy s : strategies) {
            if (s.state() != null) {
                out.put(s.name(), s.state());
            }
        }
        return out;
    }

    /**
     * The strategy {@code name} of a saved model of {@code layers} layers, read back from its saved state in
     * {@code states} (by strategy name), with read-out {@code readout}.
     */
    public static PredictionStrategy get(String name, Map<String, JsonNode> states, int layers, String readout) {
        check(name);
        return isReadOut(name) ? readOut(name, readout) : READERS.get(name).read(states.get(name), layers);
    }

    /** Every strategy a saved model offers ({@link #get}), in order. */
    public static List<PredictionStrategy> all(Map<String, JsonNode> states, int layers, String readout) {
        return available(readout).stream().map(n -> get(n, states, layers, readout)).toList();
    }

    private static ReadOutStrategy readOut(String name, String readout) {
        if (!name.equals(readout)) {
            throw new UserInputException("strategy " + name + " needs a model trained with predict.readout: "
                    + name + " (this one has " + readout + ")");
        }
        return new ReadOutStrategy(name);
    }
}
