package ffcnn.nn;

/**
 * Shape of one local layer's convolution: {@code [outChannels, inChannels / groups, kernel, kernel]},
 * optionally preceded by a 2x2 average pool ("pool + conv") and optionally followed (after its ReLU) by
 * a 2x2 max pool. What else the layer's body does (bias, dropout, batch norm) is the body's choice.
 *
 * @param inChannels  channels of the tensor the layer receives (after any residual concatenation)
 * @param outChannels channels C of the layer's output
 * @param kernel      square kernel size k
 * @param stride      convolution stride
 * @param padding     zero padding on each side
 * @param poolBefore  2x2 average pooling (stride 2) of the input before the convolution
 * @param link        how the output is combined with the residual shortcut after the layer's step
 * @param groups      grouped convolution: input and output channels split into this many groups
 * @param poolAfter   2x2 max pooling (stride 2) after the ReLU
 */
public record LayerSpec(int inChannels, int outChannels, int kernel, int stride, int padding, boolean poolBefore,
        ResidualLink link, int groups, boolean poolAfter) {

    public LayerSpec {
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0 || groups < 1) {
            throw new IllegalArgumentException("bad layer shape " + inChannels + "->" + outChannels + " k" + kernel);
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(inChannels + "->" + outChannels + " channels do not split into "
                    + groups + " groups");
        }
    }

    /** An ungrouped layer without max pooling. */
    public LayerSpec(int inChannels, int outChannels, int kernel, int stride, int padding, boolean poolBefore,
            ResidualLink link) {
        this(inChannels, outChannels, kernel, stride, padding, poolBefore, link, 1, false);
    }

    /** A plain layer without residual link. */
    public static LayerSpec conv(int in, int out, int kernel, int padding, boolean poolBefore) {
        return new LayerSpec(in, out, kernel, 1, padding, poolBefore, ResidualLink.NONE);
    }

    /** Spatial size of the output for an input of size {@code h}. */
    public int outputSize(int h) {
        int in = poolBefore ? h / 2 : h;
        int out = (in + 2 * padding - kernel) / stride + 1;
        return poolAfter ? out / 2 : out;
    }

    /** Parameter count of the convolution. */
    public long convParameters() {
        return (long) outChannels * (inChannels / groups) * kernel * kernel;
    }
}
