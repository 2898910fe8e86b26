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
 * A trainable read-out: a learning unit of its own on detached features of some of the network's layers, with its
 * own optimiser (parameter group {@code readout}) and its own saved state. No gradient reaches the network: its
 * features are detached, taken after the layers' step on a batch in evaluation mode (or, for the backprop
 * baseline's probes, from the step's own forward pass). Two families:
 *
 * <pre>
 * one classifier over layers from..L-1 ({@code predict.readout_from}), trained with cross-entropy on the summed
 * logits, predicting by the strategy of its own name, on the normalised outputs z_l the layers pass on:
 *   linear-heads     (ASGE S3, specs/asge.md 9.1):  logits = sum_l (GAP(z_l) V_l^T + c_l)
 *                    V_l [K, C_l] Kaiming-normal (fan-in, ReLU gain), c_l [K] zero
 *   neutral-linear   (FF, loeweX; specs/baselines.md 3.6 b):  logits = concat_l flatten(z_l) W^T
 *                    for the neutral-label input; W zero-initialised, no bias (kept as one block V_l per layer)
 *   softmax-linear   (CwComp's Softmax_CF, specs/baselines.md 6):  logits = concat_l flatten(y_l) W^T + b,
 *                    PyTorch's nn.Linear initialisation, on the training step's own activations (training mode,
 *                    detached), trained as the official code trains it: its cross-entropy takes the softmax of
 *                    the logits as its input (a softmax applied twice), so its gradient is bounded and small
 *
 * one predictor per layer whose objective gives it no head of its own ({@link ObjectiveHead#predicts}), each
 * learning with the objective's {@link Rule} and giving that layer's class scores, on its activations y_l:
 *   block-predictors (CaFo, specs/baselines.md 5):  z_l = flatten(y_l) W_l^T, W_l zero-initialised, no bias
 *   linear-probes    (the backprop baseline's):     z_l = GAP(y_l) W_l^T + b_l, PyTorch's nn.Linear initialisation,
 *                    drawn where the layer's head was (right after the layer), so the network starts the same;
 *                    its features are the training step's own activations (training mode), detached as the step
 *                    passes, so the probes cost no further pass over the network
 * </pre>
 */
public final class ReadOut extends FixedShapeBlock {

    /** The first layer read by a classifier over layers unless a preset says otherwise ({@code predict.readout_from}). */
    public static final int DEFAULT_FROM = 1;

    /**
     * How a per-layer read-out's predictors learn and score: the objective's part of them (CaFo's three losses,
     * the backprop baseline's smoothed cross-entropy).
     */
    public interface Rule {
        /** The per-layer read-out kind these predictors are ({@link #PER_LAYER}). */
        String kind();

        /** The loss, mean over the batch, of one layer's logits [B, K] for integer {@code labels} [B]. */
        NDArray loss(NDArray logits, NDArray labels);

        /** The layer's class scores [B, K] from its logits (what prediction strategies combine). */
        NDArray scores(NDArray logits);
    }

    /**
     * A read-out's kind.
     *
     * @param name        its name (a classifier over layers predicts by the strategy of this name)
     * @param pooled      features are per-channel means (else the whole flattened map)
     * @param activations reads the layers' activations y (else the normalised outputs z they pass on)
     * @param perLayer    a predictor per layer, each scoring its layer (else one classifier over the layers)
     * @param fromStep    its features are taken from the training step's own forward pass (else from a further pass
     *                    in evaluation mode after the step)
     * @param softmaxFirst a classifier whose cross-entropy takes softmax(logits) as its input (else the logits)
     */
    private record Kind(String name, boolean pooled, boolean activations, boolean perLayer, boolean fromStep,
            boolean softmaxFirst) {
    }

    private static final List<Kind> ALL = List.of(
            new Kind("linear-heads", true, false, false, false, false),
            new Kind("neutral-linear", false, false, false, false, false),
            new Kind("softmax-linear", false, true, false, true, true),
            new Kind("block-predictors", false, true, true, false, false),
            new Kind("linear-probes", true, true, true, true, false));

    /** Every kind. */
    public static final List<String> KINDS = ALL.stream().map(Kind::name).toList();

    /** The kinds of one classifier over layers, each the name of its prediction strategy. */
    public static final List<String> OVER_LAYERS = ALL.stream().filter(k -> !k.perLayer()).map(Kind::name).toList();

    /** The kinds of one predictor per layer. */
    public static final List<String> PER_LAYER = ALL.stream().filter(Kind::perLayer).map(Kind::name).toList();

    private final Kind kind;
    private final Rule rule;
    private final int classes;
    private final int[] read;
    private final int[] slot;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> biases = new ArrayList<>();
    private boolean frozen;

    /**
     * @param kind   one of {@link #KINDS}
     * @param layers the contexts of the layers read, in order
     * @param total  the network's number of layers
     * @param rule   how the predictors learn (per-layer kinds; null for a classifier over layers)
     */
    public ReadOut(String kind, List<LayerContext> layers, int total, Rule rule) {
        super((byte) 1);
        this.kind = ALL.stream().filter(k -> k.name().equals(kind)).findFirst().orElseThrow(() ->
                new ffcnn.UserInputException("unknown predict.readout '" + kind + "' (known: none, "
                        + String.join(", ", KINDS) + ")"));
        if (this.kind.perLayer() != (rule != null)) {
            throw new IllegalArgumentException("read-out " + kind + (rule == null ? " needs" : " takes no")
                    + " per-layer rule");
        }
        this.rule = rule;
        this.classes = layers.get(0).classes();
        this.read = layers.stream().mapToInt(LayerContext::index).toArray();
        this.slot = new int[total];
        java.util.Arrays.fill(slot, -1);
        for (int i = 0; i < read.length; i++) {
            slot[read[i]] = i;
        }
        boolean pooled = this.kind.pooled();
        for (LayerContext c : layers) {
            int l = c.index();
            long dims = pooled ? c.channels() : c.flatFeatures();
            Initializer weight;
            Initializer bias = null;
            if (kind.equals("linear-probes") || kind.equals("softmax-linear")) {
                float bound = (float) (1 / Math.sqrt(dims));
                weight = (m, shape, type) -> m.randomUniform(-bound, bound, shape, type);
                bias = weight;
            } else if (kind.equals("linear-heads")) {
                weight = new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN,
                        2);
                bias = Initializer.ZEROS;
            } else {
                weight = Initializer.ZEROS;
            }
            weights.add(addParameter(Parameter.builder().setName("weight_" + l).setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(classes, dims)).optInitializer(weight).build()));
            if (bias != null) {
                biases.add(addParameter(Parameter.builder().setName("bias_" + l).setType(Parameter.Type.BIAS)
                        .optShape(new Shape(classes)).optInitializer(bias).build()));
            }
        }
    }

    /** The read-out's kind, which for a classifier over layers is also the name of its strategy. */
    public String kind() {
        return kind.name();
    }

    /** Whether it is a predictor per layer, each scoring its layer (else one classifier with a strategy). */
    public boolean perLayer() {
        return kind.perLayer();
    }

    /**
     * Whether its features are the training step's own activations, detached as the step passes (else a further
     * evaluation-mode pass after the step gives them).
     */
    public boolean fromStep() {
        return kind.fromStep();
    }

    /** Whether it reads layer {@code l}. */
    public boolean reads(int l) {
        return l < slot.length && slot[l] >= 0;
    }

    /** The layers it reads, in order. */
    public int[] layers() {
        return read.clone();
    }

    /**
     * The feature of layer {@code l} from its activations y and normalised output z [B, C, H, W], detached:
     * [B, C] or [B, C H W].
     */
    public NDArray feature(NDArray y, NDArray z) {
        NDArray d = (kind.activations() ? y : z).stopGradient();
        long b = d.getShape().get(0);
        if (!kind.pooled()) {
            NDArray flat = d.reshape(b, -1);
            d.close(); // a view: the storage stays with the source and flat
            return flat;
        }
        NDArray cells = d.reshape(b, d.getShape().get(1), -1);
        NDArray mean = cells.mean(new int[] {2});
        cells.close(); // views of the source, freed at once so that what a pass holds is counted once
        d.close();
        return mean;
    }

    /** Logits [B, K] of layer {@code l}'s predictor (or share of the classifier) for its feature, in its manager. */
    public NDArray logits(int l, NDArray feature) {
        int i = slot[l];
        NDArray w = weights.get(i).getArray().transpose();
        w.attach(feature.getManager());
        NDArray a = feature.matMul(w);
        return biases.isEmpty() ? a : a.add(biases.get(i).getArray());
    }

    /** Summed logits [B, K] of the features of every layer read, in order, in the features' manager. */
    public NDArray logits(List<NDArray> features) {
        NDArray sum = null;
        for (int i = 0; i < features.size(); i++) {
            NDArray a = logits(read[i], features.get(i));
            sum = sum == null ? a : sum.add(a);
        }
        return sum;
    }

    /** Layer {@code l}'s class scores [B, K] by its predictor (per-layer kinds), from its activations y and output z. */
    public NDArray scores(int l, NDArray y, NDArray z) {
        return rule.scores(logits(l, feature(y, z)));
    }

    /**
     * Whether a classifier over layers learns with the cross-entropy of softmax(logits) rather than of the logits
     * ({@code softmax-linear}, as CwComp's official code trains its read-out).
     */
    public boolean softmaxFirst() {
        return kind.softmaxFirst();
    }

    /** The loss of layer {@code l}'s predictor for its logits and integer {@code labels} (per-layer kinds). */
    public NDArray loss(NDArray logits, NDArray labels) {
        return rule.loss(logits, labels);
    }

    /**
     * Where layer {@code l}'s predictor finds evidence for class {@code k} in activations y [B, C, H, W]: [B, H, W],
     * sum_c y[c, h, w] W_k[c, h, w] (the whole map's weights) or sum_c y[c, h, w] W_k[c] (per-channel weights).
     */
    public NDArray classMap(int l, NDArray y, int k) {
        Shape s = y.getShape();
        NDArray row = weights.get(slot[l]).getArray().get(k);
        row.attach(y.getManager());
        Shape shape = kind.pooled() ? new Shape(1, s.get(1), 1, 1) : new Shape(1, s.get(1), s.get(2), s.get(3));
        return y.mul(row.reshape(shape)).sum(new int[] {1});
    }

    /** Number of scalars the read-out learns. */
    public long parameterCount() {
        long n = 0;
        for (int l : read) {
            n += parameterCount(l);
        }
        return n;
    }

    /** Number of scalars layer {@code l}'s predictor (or share of the classifier) learns. */
    public long parameterCount(int l) {
        int i = slot[l];
        return weights.get(i).getArray().size() + (biases.isEmpty() ? 0 : biases.get(i).getArray().size());
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
            if (p.isInitialized()) {
                p.getArray().setRequiresGradient(!frozen);
            }
        }
    }

    /** Draws every initial parameter in {@code manager}. */
    public void initialize(NDManager manager) {
        for (int l : read) {
            initialize(manager, l);
        }
    }

    /** Draws the initial parameters of layer {@code l}'s predictor (or share of the classifier) in {@code manager}. */
    public void initialize(NDManager manager, int l) {
        int i = slot[l];
        weights.get(i).initialize(manager, DataType.FLOAT32);
        if (!biases.isEmpty()) {
            biases.get(i).initialize(manager, DataType.FLOAT32);
        }
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
