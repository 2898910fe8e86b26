package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import ffcnn.UserInputException;
import java.util.List;

/**
 * The trainable body of a local layer: turns the (already detached) input into the activations y that the
 * layer's objective scores. The layer shape comes from a {@link LayerSpec}; the order of operations is the
 * body's (chosen by the preset's {@code model.block}).
 */
public abstract class LayerBody extends FixedShapeBlock {

    /** Names accepted by {@link #of}. */
    public static final List<String> BLOCKS = List.of(ConvUnit.NAME, ConvBnUnit.NAME, ConvLnUnit.NAME,
            FfReluUnit.NAME, AsgeUnit.NAME);

    protected static final Shape TWO = new Shape(2, 2);
    protected static final Shape NO_PAD = new Shape(0, 0);

    private final LayerSpec spec;
    private final Parameter weight;
    private final Shape stride;
    private final Shape padding;

    /** A body of shape {@code spec} whose convolution weight {@code init} draws at initialisation. */
    protected LayerBody(byte version, LayerSpec spec, Initializer init) {
        super(version);
        this.spec = spec;
        this.stride = new Shape(spec.stride(), spec.stride());
        this.padding = new Shape(spec.padding(), spec.padding());
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(spec.outChannels(), spec.inChannels() / spec.groups(), spec.kernel(),
                        spec.kernel())).optInitializer(init).build());
    }

    /**
     * Adds a bias of one value per output channel, drawn as PyTorch's default: U(-1/sqrt(fan_in), 1/sqrt(fan_in))
     * with fan_in the inputs of one output value.
     */
    protected final Parameter addBias() {
        double bound = 1 / Math.sqrt((double) spec.inChannels() / spec.groups() * spec.kernel() * spec.kernel());
        return addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(spec.outChannels())).optInitializer((m, shape, type) ->
                        m.randomUniform((float) -bound, (float) bound, shape, type)).build());
    }

    /** The body called {@code block} for the layer of {@code context}. */
    public static LayerBody of(String block, LayerContext context, float dropout, Initializer init) {
        LayerSpec spec = context.spec();
        return switch (block) {
            case ConvUnit.NAME -> new ConvUnit(spec, dropout, init);
            case ConvBnUnit.NAME -> new ConvBnUnit(spec, dropout, init);
            case ConvLnUnit.NAME -> new ConvLnUnit(spec, init);
            case FfReluUnit.NAME -> new FfReluUnit(spec, init);
            case AsgeUnit.NAME -> new AsgeUnit(spec, context.index() == 0, dropout, init);
            default -> throw new UserInputException("unknown model.block '" + block + "' (known: "
                    + String.join(", ", BLOCKS) + ")");
        };
    }

    public LayerSpec spec() {
        return spec;
    }

    /** Computes y from the (already detached) input; dropout and batch statistics only when {@code training}. */
    public abstract NDArray apply(NDArray x, boolean training);

    /**
     * The part every body shares: [2x2 average pool] -> conv (with {@code bias}, or none when null; grouped as
     * the spec says) -> ReLU -> [2x2 max pool].
     */
    protected final NDArray convolve(NDArray x, NDArray bias) {
        return activate(linear(x, bias));
    }

    /** [2x2 average pool] -> conv (with {@code bias}, or none when null): the pre-activation. */
    protected final NDArray linear(NDArray x, NDArray bias) {
        NDArray in = spec.poolBefore() ? Pool.avgPool2d(x, TWO, TWO, NO_PAD, false, true) : x;
        return conv(in, bias);
    }

    /** The convolution alone (with {@code bias}, or none when null), grouped as the spec says. */
    protected final NDArray conv(NDArray in, NDArray bias) {
        return Convolution.apply(in, weight.getArray(), bias, stride, padding, spec.groups());
    }

    /** ReLU -> [2x2 max pool] of a pre-activation. */
    protected final NDArray activate(NDArray z) {
        NDArray a = Activation.relu(z);
        return spec.poolAfter() ? Pool.maxPool2d(a, TWO, TWO, NO_PAD, false) : a;
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
        // parameter shapes are fixed by the spec
    }

    /** Initialises the parameters in {@code manager} (no input shape is needed). */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, spec.inChannels(), 8, 8));
    }
}
