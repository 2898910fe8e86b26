package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/**
 * The Forward-Forward body ({@code model.block: conv-bias-relu-fullgrad}, specs/baselines.md 3.5): conv (with
 * bias, PyTorch's default initialisation) -> loeweX's {@code ReLU_full_grad}, whose forward is max(z, 0) and whose
 * backward passes the incoming gradient through unchanged everywhere, also where z < 0. So a unit that no input
 * activates still learns, instead of dying.
 */
public final class FfReluUnit extends LayerBody {

    /** The {@code model.block} name of this body. */
    public static final String NAME = "conv-bias-relu-fullgrad";

    private final Parameter bias;

    /** A unit of shape {@code spec}; {@code init} draws the conv weight, the bias is PyTorch's default. */
    public FfReluUnit(LayerSpec spec, Initializer init) {
        super((byte) 1, spec, init);
        this.bias = addBias();
    }

    @Override
    public NDArray apply(NDArray x, boolean training) {
        NDArray z = linear(x, bias.getArray());
        // z + stopgrad(relu(z) - z): the value of relu(z), the gradient of z
        return z.add(Activation.relu(z).sub(z).stopGradient());
    }
}
