package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The one place where ffcnn runs a 2-D convolution, so that every layer (and the benchmark's reference step)
 * gets correct results from the bundled engine.
 *
 * <p>The CPU build of libtorch 2.7.1 that ffcnn bundles (oneDNN 3.7.1, kernel {@code jit:avx512_core}, and
 * {@code jit:avx2} when the ISA is capped there) computes wrong float32 convolutions, forward and the gradient
 * of the input, when a group has more than 16 input channels and that number is not a multiple of the SIMD
 * block (16 on AVX-512 machines, 8 on AVX2): the padded tail of the blocked channel layout is read
 * uninitialised. On this project's machines 99 % of the outputs of a 100 -> 200 channel convolution were off
 * by up to 2 against a float64 reference, and where the reused memory held NaN the output held NaN (the
 * "chance divergence" that came and went with the thread count, which changes how memory is reused). Input
 * channel counts of at most 16, or multiples of 16, are exact. So a group whose input channel count is
 * affected is padded here with zero channels (and zero weights) up to the next multiple of 16; the result is
 * the same convolution, computed exactly. {@code ConvolutionTest} checks this against float64. A kernel that
 * covers its whole input (a fully connected layer) is computed as a matrix product instead.
 *
 * <p>The backward passes have the same defect on the other side: the gradient of the input is a convolution
 * whose input channels are this one's output channels, and the gradient of the weight, computed from a
 * gradient of the output with an affected channel count, came out NaN when the memory the engine reused held
 * NaN (the backprop baseline's first layer, 1 -> 20 channels, in a JVM that had trained other networks
 * before). So whenever a gradient will be taken (the input or the weight is attached to a graph), the output
 * channels are padded as well, and cut off after.
 */
public final class Convolution {

    /** Input channels per group that the engine's blocked kernels handle exactly: at most this, or a multiple. */
    static final int BLOCK = 16;

    private static final Shape DILATION = new Shape(1, 1);

    private Convolution() {
    }

    /**
     * {@code conv2d(x, weight) + bias} with {@code groups} groups; {@code bias} may be null. Gradients reach
     * {@code x}, {@code weight} and {@code bias} as through the engine's own convolution. The gradient of the
     * input is itself a convolution whose input channels are this one's output channels, so when a gradient
     * will be taken, the output channels are padded as well and cut off after.
     */
    public static NDArray apply(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, int groups) {
        Shape ws = weight.getShape();
        if (coversInput(x.getShape(), ws, padding, groups)) {
            return fullyConnected(x, weight, bias);
        }
        long inPerGroup = ws.get(1);
        long outPerGroup = ws.get(0) / groups;
        long inExtra = paddingChannels(inPerGroup);
        long outExtra = x.hasGradient() || weight.hasGradient() ? paddingChannels(outPerGroup) : 0;
        NDManager m = x.getManager();
        NDArray in = inExtra > 0 ? padChannels(x, groups, inExtra, 1, m) : x;
        NDArray w = inExtra > 0 ? padChannels(weight, 1, inExtra, 1, m) : weight;
        NDArray b = bias;
        if (outExtra > 0) {
            w = padChannels(w, groups, outExtra, 0, m);
            b = bias == null ? null : padChannels(bias.reshape(1, -1, 1, 1), groups, outExtra, 1, m).reshape(-1);
        }
        NDArray y = Conv2d.conv2d(in, w, b, stride, padding, DILATION, groups).singletonOrThrow();
        if (outExtra == 0) {
            return y;
        }
        Shape s = y.getShape();
        return y.reshape(s.get(0), groups, outPerGroup + outExtra, s.get(2), s.get(3))
                .get(":, :, :" + outPerGroup).reshape(s.get(0), groups * outPerGroup, s.get(2), s.get(3));
    }

    /**
     * Whether the kernel covers the whole unpadded input, so that the convolution is a fully connected layer
     * (the Forward-Forward MLP). The engine gets some of these wrong too: with 1 input channel and a 28 x 28
     * kernel over a 28 x 28 image its outputs were off by up to 1.9 against the matrix product and ignored a
     * change of the first image row; the matrix product is exact.
     */
    static boolean coversInput(Shape xs, Shape ws, Shape padding, int groups) {
        return groups == 1 && padding.get(0) == 0 && padding.get(1) == 0 && ws.get(2) == xs.get(2)
                && ws.get(3) == xs.get(3);
    }

    /** x [B, C, k, k] times weight [O, C, k, k] as a matrix product, plus bias: [B, O, 1, 1]. */
    private static NDArray fullyConnected(NDArray x, NDArray weight, NDArray bias) {
        long b = x.getShape().get(0);
        long out = weight.getShape().get(0);
        NDArray y = x.reshape(b, -1).matMul(weight.reshape(out, -1).transpose());
        return (bias == null ? y : y.add(bias)).reshape(b, out, 1, 1);
    }

    /** Zero channels added to each group of {@code perGroup} input channels (0 where the engine is exact). */
    static long paddingChannels(long perGroup) {
        return perGroup > BLOCK && perGroup % BLOCK != 0 ? BLOCK - perGroup % BLOCK : 0;
    }

    /**
     * {@code a} with {@code extra} zero entries appended to each of its {@code groups} groups along {@code axis}
     * (0 or 1 of a 4-D array). Every array it makes lives in {@code m}, never in the manager of a parameter.
     */
    private static NDArray padChannels(NDArray a, int groups, long extra, int axis, NDManager m) {
        Shape s = a.getShape();
        long[] grouped = new long[5];
        for (int i = 0, j = 0; i < 4; i++, j++) {
            if (i == axis) {
                grouped[j++] = groups;
                grouped[j] = s.get(i) / groups;
            } else {
                grouped[j] = s.get(i);
            }
        }
        long[] zeros = grouped.clone();
        zeros[axis + 1] = extra;
        NDArray view = a.reshape(grouped);
        view.attach(m);
        NDArray padded = view.concat(m.zeros(new Shape(zeros), a.getDataType()), axis + 1);
        long[] flat = s.getShape().clone();
        flat[axis] = s.get(axis) + groups * extra;
        return padded.reshape(flat);
    }
}
