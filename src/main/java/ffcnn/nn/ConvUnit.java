package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * The trainable body of a local layer: [2x2 average pool] -> conv (no bias) -> ReLU -> dropout.
 * Its output y is what the layer's objective scores.
 */
public final class ConvUnit extends FixedShapeBlock {

    private static final byte VERSION = 1;
    private static final Shape POOL = new Shape(2, 2);
    private static final Shape NO_PAD = new Shape(0, 0);
    private static final Shape DILATION = new Shape(1, 1);

    private final LayerSpec spec;
    private final float dropout;
    private final Parameter weight;
    private final Shape stride;
    private final Shape padding;

    /** A unit of shape {@code spec} whose weights are drawn by {@code init} at initialisation. */
    public ConvUnit(LayerSpec spec, float dropout, Initializer init) {
        super(VERSION);
        this.spec = spec;
        this.dropout = dropout;
        this.stride = new Shape(spec.stride(), spec.stride());
        this.padding = new Shape(spec.padding(), spec.padding());
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(spec.outChannels(), spec.inChannels(), spec.kernel(), spec.kernel()))
                .optInitializer(init).build());
    }

    public LayerSpec spec() {
        return spec;
    }

    /** Computes y from the (already detached) input. Dropout only when {@code training}. */
    public NDArray apply(NDArray x, boolean training) {
        NDArray in = spec.poolBefore() ? Pool.avgPool2d(x, POOL, POOL, NO_PAD, false, true) : x;
        NDArray z = Conv2d.conv2d(in, weight.getArray(), null, stride, padding, DILATION).singletonOrThrow();
        NDArray a = Activation.relu(z);
        if (training && dropout > 0) {
            return Dropout.dropout(a, dropout, true).singletonOrThrow();
        }
        return a;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        int h = spec.outputSize((int) in.get(2));
        int w = spec.outputSize((int) in.get(3));
        return new Shape[] {new Shape(in.get(0), spec.outChannels(), h, w)};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        // the weight's shape is fixed by the spec
    }

    /** Initialises the weight in {@code manager} (no input shape is needed). */
    public void initialize(ai.djl.ndarray.NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, spec.inChannels(), 8, 8));
    }
}
