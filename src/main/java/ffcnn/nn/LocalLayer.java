package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ffcnn.encoding.Targets;
import java.util.ArrayList;
import java.util.List;

/**
 * One unit of local learning: a convolutional body, the objective head that scores it and trains it,
 * and the normalisation of what it passes on. Its input is always detached, so no gradient leaves it.
 */
public final class LocalLayer extends FixedShapeBlock {

    private final LayerBody body;
    private final ObjectiveHead head;
    private final OutputNorm norm;
    private final int classes;
    private final boolean trainsBody;
    private boolean bodyFrozen;
    private boolean headFrozen;

    /** A layer whose body and head both learn. */
    public LocalLayer(LayerBody body, ObjectiveHead head, OutputNorm norm, int classes) {
        this(body, head, norm, classes, true);
    }

    /** A layer whose body learns only when {@code trainsBody} (else it stays as initialised). */
    public LocalLayer(LayerBody body, ObjectiveHead head, OutputNorm norm, int classes, boolean trainsBody) {
        super((byte) 1);
        this.body = addChildBlock("body", body);
        this.head = addChildBlock("head", head);
        this.norm = norm;
        this.classes = classes;
        this.trainsBody = trainsBody;
    }

    public LayerSpec spec() {
        return body.spec();
    }

    public ObjectiveHead head() {
        return head;
    }

    /** Activations y of the layer for {@code input}, which is detached here. */
    public NDArray activations(NDArray input, boolean training) {
        return body.apply(input.stopGradient(), training);
    }

    /**
     * Activations y for {@code input} left attached to the graph that made it: only for a layer inside an
     * end-to-end learning unit (the backprop baseline), never for a forward-only layer.
     */
    public NDArray activationsAttached(NDArray input, boolean training) {
        return body.apply(input, training);
    }

    /** The local loss of a training batch whose activations are {@code y}. */
    public LocalLoss loss(NDArray y, Targets targets, int epoch) {
        return head.loss(y, targets, epoch);
    }

    /** Class scores [B, K] of activations {@code y}. */
    public NDArray scores(NDArray y, int epoch) {
        return head.scores(y, epoch);
    }

    /** The normalised, detached tensor handed to the next layer. */
    public NDArray passOn(NDArray y) {
        return norm.apply(y.stopGradient(), classes, true);
    }

    /** The normalised tensor handed to the next layer of the same end-to-end learning unit (not detached). */
    public NDArray passOnAttached(NDArray y) {
        return norm.apply(y, classes);
    }

    /**
     * Every array of the layer that gradients train, the body's first: the head's unless its group is frozen, and
     * the body's unless the rule keeps it fixed or its group is frozen; running statistics are not among them.
     */
    public List<Parameter> learnable() {
        List<Parameter> out = new ArrayList<>();
        if (trainsBody && !bodyFrozen) {
            addTrainable(body, out);
        }
        if (!headFrozen) {
            addTrainable(head, out);
        }
        return out;
    }

    private static void addTrainable(ai.djl.nn.Block block, List<Parameter> out) {
        for (var p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue());
            }
        }
    }

    /** Whether {@code p} is one of the head's parameters (else the body's). */
    public boolean inHead(Parameter p) {
        return head.getParameters().values().contains(p);
    }

    /**
     * Freezes the body and/or the head (their parameter groups are not trainable): their arrays take no gradient
     * and leave {@link #learnable()}.
     */
    public void freeze(boolean frozenBody, boolean frozenHead) {
        bodyFrozen |= frozenBody;
        headFrozen |= frozenHead;
        for (var p : bodyFrozen ? body.getParameters().values() : List.<Parameter>of()) {
            p.getArray().setRequiresGradient(false);
        }
        for (var p : headFrozen ? head.getParameters().values() : List.<Parameter>of()) {
            p.getArray().setRequiresGradient(false);
        }
    }

    /** Draws the initial parameters in {@code manager}. */
    public void initialize(NDManager manager) {
        body.initialize(manager);
        head.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, spec().outChannels(), 1, 1));
        for (var p : trainsBody ? List.<Parameter>of() : body.getParameters().values()) {
            p.getArray().setRequiresGradient(false); // a fixed body takes no gradient at all
        }
        for (Parameter p : learnable()) {
            p.getArray().setRequiresGradient(true);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray y = activations(inputs.singletonOrThrow(), training);
        return new NDList(passOn(y), scores(y, 0));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape out = body.getOutputShapes(inputShapes)[0];
        return new Shape[] {out, new Shape(out.get(0), classes)};
    }
}
