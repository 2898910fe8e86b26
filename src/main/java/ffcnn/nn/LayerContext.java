package ffcnn.nn;

/**
 * What a learning rule may know when it builds the head of one layer: where the layer sits, the shape of
 * its output and the width of the last layer. A head that reads the whole map (CaFo's linear predictor on the
 * flattened block output) needs the map size; most heads need only the channel and class counts.
 *
 * @param index        position of the layer (0-based)
 * @param spec         the layer's convolution shape
 * @param channels     channels C of the layer's output
 * @param size         side of the layer's (square) output map, or 0 when the input size is not fixed by the
 *                     model ({@code model.input_size: 0} keeps each dataset's own size)
 * @param lastChannels channels of the last layer's output
 * @param classes      number of classes K
 * @param layers       number of layers of the network (0 when not known)
 */
public record LayerContext(int index, LayerSpec spec, int channels, int size, int lastChannels, int classes,
        int layers) {

    /** A layer of a network whose layer count is not known. */
    public LayerContext(int index, LayerSpec spec, int channels, int size, int lastChannels, int classes) {
        this(index, spec, channels, size, lastChannels, classes, 0);
    }

    /** Whether this is the network's last layer. */
    public boolean last() {
        return index == layers - 1;
    }

    /** The side of the output map, for heads that read the map itself; fails when the size is not fixed. */
    public int mapSize() {
        if (size < 1) {
            throw new ffcnn.UserInputException("this method's heads read the layer's map, so its preset needs"
                    + " model.input_size (the side of the images the network is built for)");
        }
        return size;
    }

    /** The flattened output's length C * size * size; fails when the size is not fixed. */
    public long flatFeatures() {
        long side = mapSize();
        return channels * side * side;
    }
}
