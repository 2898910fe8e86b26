package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;

/**
 * The ASGE block ({@code model.block: pool-dropout-rms-conv-relu}, specs/asge.md 4.1), written so that the head
 * scores the block's post-ReLU map u before anything else happens to it:
 *
 * <pre>
 * layer 0:  u = ReLU(conv(x))                     x: the network input, already RMS-normalised
 * layer l:  z = rms(dropout(avgpool2(u_prev)))   avgpool2 only when the previous block pools (spec.poolBefore)
 *           u = ReLU(conv(z))                     conv with bias; the bias starts at 0
 * </pre>
 *
 * The official block pools, drops out and RMS-normalises its own output after its loss; doing the same at
 * the start of the next block computes exactly the same z, so the layer passes u on unchanged
 * ({@code model.output_norm: none}). The RMS norm is z / (sqrt(mean_{c,h,w} z^2) + e^-50) per sample.
 */
public final class AsgeUnit extends LayerBody {

    /** The {@code model.block} name of this body. */
    public static final String NAME = "pool-dropout-rms-conv-relu";

    /** The official code's epsilon of the RMS norm, e^-50. */
    static final float EPS = (float) Math.exp(-50);

    private final boolean first;
    private final float dropout;
    private final Parameter bias;

    /**
     * A block of shape {@code spec}; {@code first} marks the network's first block, whose input is the
     * normalised image (no dropout, no second norm); {@code init} draws the conv weight.
     */
    public AsgeUnit(LayerSpec spec, boolean first, float dropout, Initializer init) {
        super((byte) 1, spec, init);
        this.first = first;
        this.dropout = dropout;
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(spec.outChannels())).optInitializer(new ConstantInitializer(0f)).build());
    }

    @Override
    public NDArray apply(NDArray x, boolean training) {
        NDArray in = x;
        if (!first) {
            if (spec().poolBefore()) {
                in = Pool.avgPool2d(in, TWO, TWO, NO_PAD, false, true);
            }
            if (training && dropout > 0) {
                in = Dropout.dropout(in, dropout, true).singletonOrThrow();
            }
            in = rms(in);
        }
        return Activation.relu(conv(in, bias.getArray()));
    }

    /** z / (sqrt(mean(z^2)) + e^-50) per sample, over every non-batch axis. */
    public static NDArray rms(NDArray z) {
        Shape s = z.getShape();
        NDArray flat = z.reshape(s.get(0), -1);
        NDArray norm = flat.mul(flat).mean(new int[] {1}, true).sqrt().add(EPS);
        return flat.div(norm).reshape(s);
    }
}
