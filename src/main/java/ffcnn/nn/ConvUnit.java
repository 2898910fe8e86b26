package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.Initializer;

/**
 * The CAW-Conv / DeeperForward body ({@code model.block: conv-relu-dropout}):
 * [2x2 average pool] -> conv (no bias) -> ReLU -> [2x2 max pool] -> dropout.
 */
public final class ConvUnit extends LayerBody {

    /** The {@code model.block} name of this body. */
    public static final String NAME = "conv-relu-dropout";

    private final float dropout;
    private final Parameter weight;
    private final Shape stride;
    private final Shape padding;

    /** A unit of shape {@code spec} whose weights are drawn by {@code init} at initialisation. */
    public ConvUnit(LayerSpec spec, float dropout, Initializer init) {
        super((byte) 1, spec);
        this.dropout = dropout;
        this.stride = new Shape(spec.stride(), spec.stride());
        this.padding = new Shape(spec.padding(), spec.padding());
        this.weight = convWeight(init);
    }

    @Override
    public NDArray apply(NDArray x, boolean training) {
        NDArray z = Conv2d.conv2d(poolBefore(x), weight.getArray(), null, stride, padding, DILATION,
                spec().groups()).singletonOrThrow();
        NDArray a = poolAfter(Activation.relu(z));
        if (training && dropout > 0) {
            return Dropout.dropout(a, dropout, true).singletonOrThrow();
        }
        return a;
    }
}
