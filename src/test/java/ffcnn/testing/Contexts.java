package ffcnn.testing;

import ffcnn.nn.LayerContext;
import ffcnn.nn.LayerSpec;

/** Layer contexts for head tests that need only a layer's channel and class counts. */
public final class Contexts {

    private Contexts() {
    }

    /** The first layer of a network whose only layer has {@code channels} channels, with no fixed map size. */
    public static LayerContext of(int channels, int classes) {
        return new LayerContext(0, LayerSpec.conv(channels, channels, 1, 0, false), channels, 0, channels, classes);
    }
}
