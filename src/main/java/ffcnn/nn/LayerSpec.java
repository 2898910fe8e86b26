package ffcnn.nn;

/**
 * Shape of one local layer's convolution: {@code [outChannels, inChannels, kernel, kernel]}, no bias,
 * optionally preceded by a 2x2 average pool ("pool + conv"), followed by ReLU and dropout.
 *
 * @param inChannels  channels of the tensor the layer receives (after any residual concatenation)
 * @param outChannels channels C of the layer's output
 * @param kernel      square kernel size k
 * @param stride      convolution stride
 * @param padding     zero padding on each side
 * @param poolBefore  2x2 average pooling (stride 2) of the input before the convolution
 * @param link        how the output is combined with the residual shortcut after the layer's step
 */
public record LayerSpec(int inChannels, int outChannels, int kernel, int stride, int padding, boolean poolBefore,
        ResidualLink link) {

    public LayerSpec {
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("bad layer shape " + inChannels + "->" + outChannels + " k" + kernel);
        }
    }

    /** A plain layer without residual link. */
    public static LayerSpec conv(int in, int out, int kernel, int padding, boolean poolBefore) {
        return new LayerSpec(in, out, kernel, 1, padding, poolBefore, ResidualLink.NONE);
    }

    /** Spatial size of the output for an input of size {@code h}. */
    public int outputSize(int h) {
        int in = poolBefore ? h / 2 : h;
        return (in + 2 * padding - kernel) / stride + 1;
    }

    /** Parameter count of the convolution. */
    public long convParameters() {
        return (long) outChannels * inChannels * kernel * kernel;
    }
}
