package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.Initializer;

/**
 * The CwComp body ({@code model.block: dropout-conv-relu-bn}, specs/baselines.md 6):
 * dropout -> [2x2 average pool] -> conv (with bias, optionally grouped) -> ReLU -> [2x2 max pool] ->
 * BatchNorm (affine, eps 1e-4, running statistics with PyTorch's momentum 0.1).
 */
public final class ConvBnUnit extends LayerBody {

    /** The {@code model.block} name of this body. */
    public static final String NAME = "dropout-conv-relu-bn";

    private static final float EPS = 1e-4f;
    /** DJL's momentum: the running statistics keep 0.9 of themselves per batch (PyTorch momentum 0.1). */
    private static final float KEEP = 0.9f;
    /** DJL's PyTorch engine passes axis -1 straight to torch's batch_norm, which normalises dimension 1. */
    private static final int CHANNEL_AXIS = -1;

    private final float dropout;
    private final Parameter bias;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    /** A unit of shape {@code spec}; {@code init} draws the conv weight, the bias is PyTorch's default. */
    public ConvBnUnit(LayerSpec spec, float dropout, Initializer init) {
        super((byte) 1, spec, init);
        this.dropout = dropout;
        int c = spec.outChannels();
        this.bias = addBias();
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(c)).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(c)).build());
        this.runningMean = addParameter(Parameter.builder().setName("runningMean")
                .setType(Parameter.Type.RUNNING_MEAN).optShape(new Shape(c)).optRequiresGrad(false).build());
        this.runningVar = addParameter(Parameter.builder().setName("runningVar")
                .setType(Parameter.Type.RUNNING_VAR).optShape(new Shape(c)).optRequiresGrad(false).build());
    }

    @Override
    public NDArray apply(NDArray x, boolean training) {
        NDArray in = training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
        NDArray a = convolve(in, bias.getArray());
        return BatchNorm.batchNorm(a, runningMean.getArray(), runningVar.getArray(), gamma.getArray(),
                beta.getArray(), CHANNEL_AXIS, KEEP, EPS, training).singletonOrThrow();
    }
}
