package ffcnn.nn;

import ai.djl.ndarray.NDArray;
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

    /** A unit of shape {@code spec} whose weights are drawn by {@code init} at initialisation. */
    public ConvUnit(LayerSpec spec, float dropout, Initializer init) {
        super((byte) 1, spec, init);
        this.dropout = dropout;
    }

    @Override
    public NDArray apply(NDArray x, boolean training) {
        NDArray a = convolve(x, null);
        if (training && dropout > 0) {
            return Dropout.dropout(a, dropout, true).singletonOrThrow();
        }
        return a;
    }
}
