package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/**
 * The FF-CNN body ({@code model.block: conv-ln-relu}): [2x2 average pool] -> conv (with bias) -> layer norm over
 * (C, H, W) per sample, without affine parameters -> ReLU -> [2x2 max pool]. The order is the one of the FF-CNN
 * paper's Fig. 2 ("each followed by layer normalization and ReLU", specs/ff-cnn-spatial-labels.md 2, 3).
 * Since the normalised pre-activation has a mean square of exactly 1, the mean goodness after the ReLU lies
 * in [0, 1]: it measures how much of the layer's energy is positive, and a threshold inside (0, 1) can be
 * reached from both sides (the consistency check of spec section 3).
 */
public final class ConvLnUnit extends LayerBody {

    /** The {@code model.block} name of this body. */
    public static final String NAME = "conv-ln-relu";

    private final Parameter bias;

    /** A unit of shape {@code spec}; {@code init} draws the conv weight, the bias is PyTorch's default. */
    public ConvLnUnit(LayerSpec spec, Initializer init) {
        super((byte) 1, spec, init);
        this.bias = addBias();
    }

    @Override
    public NDArray apply(NDArray x, boolean training) {
        return activate(GroupNormalization.layer(linear(x, bias.getArray())));
    }
}
