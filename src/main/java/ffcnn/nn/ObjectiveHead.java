package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ffcnn.encoding.Targets;
import java.util.Map;

/**
 * The per-layer part of an objective: turns the layer's activations y [B, C, H, W] into class scores
 * [B, K] and, in training, into the local loss. A DJL block so that any parameters it learns are
 * initialised, optimised and saved with the layer's convolution.
 */
public abstract class ObjectiveHead extends FixedShapeBlock {

    protected ObjectiveHead(byte version) {
        super(version);
    }

    /** The local loss of a training batch with activations {@code y} at epoch {@code epoch} (0-based). */
    public abstract LocalLoss loss(NDArray y, Targets targets, int epoch);

    /** Class scores [B, K] for prediction at epoch {@code epoch}. */
    public abstract NDArray scores(NDArray y, int epoch);

    /**
     * Moves {@code a}, made from a parameter, to the per-step manager {@code m}. A result joins its first
     * operand's manager, so without this every step would leave arrays in the network's manager.
     */
    protected static NDArray within(ai.djl.ndarray.NDManager m, NDArray a) {
        a.attach(m);
        return a;
    }

    /**
     * Where in the map the layer's evidence for class {@code k} lies, [B, H, W], from activations y [B, C, H, W]:
     * by default the goodness of every channel, sum_c y^2 (what a Forward-Forward layer scores); heads that give
     * each class its own channels or weights count those.
     */
    public NDArray classMap(NDArray y, int k, int epoch) {
        return y.mul(y).sum(new int[] {1});
    }

    /**
     * Whether this head predicts: scores its layer and gives it a loss. A layer whose objective gives it no
     * predicting head ({@link #none}) is scored, and its predictor trained, by the network's per-layer read-out
     * ({@link ReadOut#PER_LAYER}).
     */
    public boolean predicts() {
        return true;
    }

    /**
     * The head of a layer whose predictor is the network's per-layer read-out (CaFo's blocks, the backprop
     * baseline's hidden layers): no parameters, a zero loss and zero scores of {@code classes} classes.
     */
    public static ObjectiveHead none(int classes) {
        return new ObjectiveHead((byte) 1) {
            @Override
            public LocalLoss loss(NDArray y, Targets targets, int epoch) {
                NDArray zero = y.getManager().zeros(new Shape());
                return LocalLoss.classified(zero, zero, scores(y, epoch), targets.classes());
            }

            @Override
            public NDArray scores(NDArray y, int epoch) {
                return y.getManager().zeros(new Shape(y.getShape().get(0), classes));
            }

            @Override
            public boolean predicts() {
                return false;
            }
        };
    }

    /** Diagnostics worth logging per epoch (e.g. temperature), as plain numbers. */
    public Map<String, Double> diagnostics(int epoch) {
        return Map.of();
    }

    /** Matrices worth drawing as heat maps (e.g. CAW-Conv's channel-class assignment, [C][K]). */
    public Map<String, float[][]> heatmaps(int epoch) {
        return Map.of();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(scores(inputs.singletonOrThrow(), 0));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException("an objective head's output depends on the class count");
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        // parameter shapes are fixed at construction
    }
}
