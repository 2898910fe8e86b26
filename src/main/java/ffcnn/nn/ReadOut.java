package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A trainable read-out: a learning unit of its own on the detached, normalised outputs z_l of layers
 * {@code from..L-1} (by default every layer but the first, which in the Forward-Forward family sees the label;
 * {@code predict.readout_from}), with its own
 * optimiser (parameter group {@code readout}) and its own saved state. It is the state of the prediction strategy
 * of the same name. No gradient reaches the network: its features are detached.
 *
 * <pre>
 * linear-heads   (ASGE S3, specs/asge.md 9.1):  logits = sum_{l>=2} (GAP(z_l) V_l^T + c_l)
 *                V_l [K, C_l] Kaiming-normal (fan-in, ReLU gain), c_l [K] zero
 * neutral-linear (FF, loeweX; specs/baselines.md 3.6 b):  logits = concat_{l>=2} flatten(z_l) W^T
 *                for the neutral-label input; W zero-initialised, no bias (kept as one block V_l per layer)
 * </pre>
 * Both train with cross-entropy on the summed logits.
 */
public final class ReadOut extends FixedShapeBlock {

    /** The first layer read unless a preset says otherwise ({@code predict.readout_from}). */
    public static final int DEFAULT_FROM = 1;

    /** The read-out kinds, each the name of its prediction strategy. */
    public static final List<String> KINDS = List.of("linear-heads", "neutral-linear");

    private final String kind;
    private final int from;
    private final int classes;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> biases = new ArrayList<>();
    private boolean frozen;

    /**
     * @param kind   one of {@link #KINDS}
     * @param layers the contexts of every layer of the network, in order
     * @param first  the first layer read (a network of one layer: that layer)
     */
    public ReadOut(String kind, List<LayerContext> layers, int first) {
        super((byte) 1);
        if (!KINDS.contains(kind)) {
            throw new ffcnn.UserInputException("unknown predict.readout '" + kind + "' (known: none, "
                    + String.join(", ", KINDS) + ")");
        }
        this.kind = kind;
        if (first >= layers.size() && layers.size() > 1) {
            throw new ffcnn.UserInputException("predict.readout_from " + first + " names no layer of a network of "
                    + layers.size() + " layers (0.." + (layers.size() - 1) + ")");
        }
        this.from = Math.min(first, layers.size() - 1);
        this.classes = layers.get(0).classes();
        boolean heads = pooled();
        Initializer init = heads ? new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2) : Initializer.ZEROS;
        for (int l = from; l < layers.size(); l++) {
            LayerContext c = layers.get(l);
            long dims = heads ? c.channels() : c.flatFeatures();
            weights.add(addParameter(Parameter.builder().setName("weight_" + l).setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(classes, dims)).optInitializer(init).build()));
            if (heads) {
                biases.add(addParameter(Parameter.builder().setName("bias_" + l).setType(Parameter.Type.BIAS)
                        .optShape(new Shape(classes)).optInitializer(Initializer.ZEROS).build()));
            }
        }
    }

    /** Whether the features are global averages per channel (else the whole flattened map). */
    private boolean pooled() {
        return kind.equals("linear-heads");
    }

    /** The read-out's kind, which is also the name of its strategy. */
    public String kind() {
        return kind;
    }

    /** The first layer read. */
    public int from() {
        return from;
    }

    /** The feature of one layer's normalised output z [B, C, H, W], detached: [B, C] or [B, C H W]. */
    public NDArray feature(NDArray z) {
        NDArray d = z.stopGradient();
        long b = d.getShape().get(0);
        if (!pooled()) {
            NDArray flat = d.reshape(b, -1);
            d.close(); // a view: the storage stays with z and flat
            return flat;
        }
        NDArray cells = d.reshape(b, d.getShape().get(1), -1);
        NDArray mean = cells.mean(new int[] {2});
        cells.close(); // views of z, freed at once so that what a pass holds is counted once
        d.close();
        return mean;
    }

    /** Summed logits [B, K] of the features of layers {@code from..L-1}, in the features' manager. */
    public NDArray logits(List<NDArray> features) {
        NDArray sum = null;
        for (int i = 0; i < features.size(); i++) {
            NDArray f = features.get(i);
            NDArray w = weights.get(i).getArray().transpose();
            w.attach(f.getManager());
            NDArray a = f.matMul(w);
            if (!biases.isEmpty()) {
                a = a.add(biases.get(i).getArray());
            }
            sum = sum == null ? a : sum.add(a);
        }
        return sum;
    }

    /** Number of scalars the read-out learns. */
    public long parameterCount() {
        long n = 0;
        for (var p : getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    /** Its parameters, unless its group is frozen. */
    public List<Parameter> learnable() {
        List<Parameter> out = new ArrayList<>();
        for (var p : frozen ? List.<Parameter>of() : getParameters().values()) {
            out.add(p);
        }
        return out;
    }

    /** Freezes the read-out (its group is not trainable): it keeps its initial parameters. */
    public void freeze(boolean frozenGroup) {
        frozen |= frozenGroup;
        for (var p : getParameters().values()) {
            p.getArray().setRequiresGradient(!frozen);
        }
    }

    /** Draws the initial parameters in {@code manager}. */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, classes));
        freeze(false);
    }

    /** Reads what {@link #saveParameters} wrote into this identically built read-out. */
    public void load(NDManager manager, java.io.DataInputStream in)
            throws java.io.IOException, ai.djl.MalformedModelException {
        loadParameters(manager, in);
        freeze(false);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(logits(inputs));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        // parameter shapes are fixed at construction
    }
}
