package ffcnn.nn;

import ffcnn.UserInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The named networks: TinyCNN (4 layers), the CAW-Conv VGG (13 layers) and ResNet-17 with the
 * DeeperForward shortcut pattern (specs/caw-conv.md 6, specs/deeperforward.md 5), ASGE's VGG8 and VGG11
 * (specs/asge.md 4) and the other methods' own networks. {@code width} multiplies
 * every channel count (3 gives the papers' CHx3 ResNet).
 */
public final class Architectures {

    /** Names accepted by {@link #build}. */
    public static final List<String> NAMES = List.of("tiny-cnn", "vgg", "vgg14", "resnet17", "cwcomp-cnn", "ff-mlp",
            "ff-cnn", "cafo-cnn", "vgg8", "vgg11");

    private Architectures() {
    }

    /** The layers of architecture {@code name} for {@code channels}-channel input and {@code classes} classes. */
    public static List<LayerSpec> build(String name, int channels, int classes, double width) {
        return build(name, channels, classes, width, 0);
    }

    /**
     * The layers of architecture {@code name} for {@code channels}-channel input of side {@code inputSize} (0:
     * unknown; only the MLP needs it) and {@code classes} classes.
     */
    public static List<LayerSpec> build(String name, int channels, int classes, double width, int inputSize) {
        return switch (name) {
            case "ff-mlp" -> ffMlp(channels, width, inputSize);
            case "ff-cnn" -> ffCnn(channels, width);
            case "tiny-cnn" -> tinyCnn(channels, width);
            case "vgg" -> vgg(channels, width, 2);
            case "vgg14" -> vgg(channels, width, 3);
            case "resnet17" -> resnet17(channels, width);
            case "cwcomp-cnn" -> cwcompCnn(channels, classes, width);
            case "cafo-cnn" -> cafoCnn(channels, width);
            case "vgg8" -> asgeVgg(channels, width, VGG8);
            case "vgg11" -> asgeVgg(channels, width, VGG11);
            default -> throw new UserInputException("unknown architecture '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /**
     * Checks that a network of {@code specs} ({@code arch}) takes {@code side} x {@code side} input: every layer
     * keeps at least one pixel, and a shortcut that is pooled 2x2 for a stride-2 layer (ResNet-17's
     * {@link ResidualLink#CONCAT_POOL}) halves as evenly as that layer's convolution does.
     *
     * @throws ffcnn.UserInputException naming the layer and a size that fits
     */
    public static void checkInputSide(String arch, List<LayerSpec> specs, int side) {
        int bad = misfit(specs, side);
        if (bad < 0) {
            return;
        }
        int size = side;
        for (int i = 0; i < bad; i++) {
            size = specs.get(i).outputSize(size);
        }
        int out = specs.get(bad).outputSize(size);
        int fits = side + 1;
        while (misfit(specs, fits) >= 0) {
            fits++;
        }
        throw new ffcnn.UserInputException("model.arch " + arch + " cannot take " + side + "x" + side
                + " images: layer " + bad + "'s " + size + "x" + size + " input gives a " + out + "x" + out
                + " output" + (out < 1 ? "" : " whose pooled shortcut does not match the next layer")
                + "; resize them with model.input_size=" + fits);
    }

    /** The first layer of {@code specs} that {@code side} x {@code side} input does not fit, or -1. */
    private static int misfit(List<LayerSpec> specs, int side) {
        int size = side;
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            size = spec.outputSize(size);
            if (size < 1 || spec.link() == ResidualLink.CONCAT_POOL && size % 2 != 0) {
                return i;
            }
        }
        return -1;
    }

    static int scaled(int c, double width) {
        int s = (int) Math.round(c * width);
        if (s < 1) {
            throw new UserInputException("model.width " + width + " leaves a layer with no channels");
        }
        return s;
    }

    /** TinyCNN: 100 (k5), pool+200 (k5), pool+400 (k3), 400 (k3). */
    public static List<LayerSpec> tinyCnn(int channels, double width) {
        int c0 = scaled(100, width);
        int c1 = scaled(200, width);
        int c2 = scaled(400, width);
        return List.of(
                LayerSpec.conv(channels, c0, 5, 2, false),
                LayerSpec.conv(c0, c1, 5, 2, true),
                LayerSpec.conv(c1, c2, 3, 1, true),
                LayerSpec.conv(c2, c2, 3, 1, false));
    }

    /**
     * VGG: 70x2 | pool 140x3 | pool 280x3 | pool 560x3 | pool 560 x {@code lastBlock}, all k3. CAW-Conv's
     * has 2 layers in the last block (13 layers), DeeperForward's 3 (14 layers).
     */
    public static List<LayerSpec> vgg(int channels, double width, int lastBlock) {
        int[][] blocks = {{70, 2}, {140, 3}, {280, 3}, {560, 3}, {560, lastBlock}};
        List<LayerSpec> layers = new ArrayList<>();
        int in = channels;
        for (int b = 0; b < blocks.length; b++) {
            int c = scaled(blocks[b][0], width);
            for (int i = 0; i < blocks[b][1]; i++) {
                layers.add(LayerSpec.conv(in, c, 3, 1, b > 0 && i == 0));
                in = c;
            }
        }
        return List.copyOf(layers);
    }

    /**
     * ResNet-17: a stem and four stages of layers a, b, c, d with planes (100, 200, 400, 800) x width; the
     * a-layers of stages 2-4 have stride 2, b adds the shortcut, d concatenates it.
     */
    public static List<LayerSpec> resnet17(int channels, double width) {
        int p0 = scaled(100, width);
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec(channels, p0, 3, 1, 1, false, ResidualLink.SAVE));
        for (int s = 0; s < 4; s++) {
            int p = p0 << s;
            int stride = s == 0 ? 1 : 2;
            boolean last = s == 3;
            layers.add(new LayerSpec(p, p, 3, stride, 1, false, ResidualLink.NONE));
            layers.add(new LayerSpec(p, p, 3, 1, 1, false, ResidualLink.ADD));
            layers.add(new LayerSpec(p, p, 3, 1, 1, false, ResidualLink.NONE));
            layers.add(new LayerSpec(p, p, 3, 1, 1, false, last ? ResidualLink.CONCAT : ResidualLink.CONCAT_POOL));
        }
        return List.copyOf(layers);
    }

    /**
     * CaFo's cascaded blocks (specs/baselines.md 5.2): three blocks of conv 3x3 (padding 1), ReLU, 2x2 max pool
     * with 32, 128, 512 channels (32 * 4^i), each halving the map: on 32 x 32 input every block's flattened
     * output has 8,192 features.
     */
    public static List<LayerSpec> cafoCnn(int channels, double width) {
        List<LayerSpec> layers = new ArrayList<>();
        int in = channels;
        for (int i = 0; i < 3; i++) {
            int c = scaled(32 << (2 * i), width);
            layers.add(new LayerSpec(in, c, 3, 1, 1, false, ResidualLink.NONE, 1, true));
            in = c;
        }
        return List.copyOf(layers);
    }

    /** ASGE's VGG8 (specs/asge.md 4.2): {channels, 2x2 average pool after the layer (1) or not (0)}. */
    static final int[][] VGG8 = {{128, 0}, {256, 1}, {256, 0}, {512, 1}, {512, 1}, {512, 1}, {512, 0}};

    /** ASGE's VGG11 (specs/asge.md 4.3). */
    static final int[][] VGG11 = {{128, 0}, {256, 1}, {256, 0}, {512, 1}, {512, 0}, {512, 1}, {512, 0}, {512, 1},
        {512, 0}, {512, 0}};

    /**
     * ASGE's VGG networks (specs/asge.md 4.2, 4.3): conv 3x3, stride 1, padding 1 per layer; a layer that pools
     * after itself (before its dropout and norm) is written as a 2x2 average pool before the next layer's
     * convolution, which is where {@link AsgeUnit} applies it. The official VGG11 takes RGB only; here the
     * first layer takes {@code channels}.
     */
    public static List<LayerSpec> asgeVgg(int channels, double width, int[][] plan) {
        List<LayerSpec> layers = new ArrayList<>();
        int in = channels;
        boolean pooled = false;
        for (int[] layer : plan) {
            int c = scaled(layer[0], width);
            layers.add(LayerSpec.conv(in, c, 3, 1, pooled));
            pooled = layer[1] == 1;
            in = c;
        }
        return List.copyOf(layers);
    }

    /**
     * CwComp's CFSE network (specs/baselines.md 6): 20, 80, 240, 480 channels, all k3 with padding 1; the
     * second and fourth layers are grouped convolutions with one group per class followed by a 2x2 max pool.
     * Channel counts are rounded to a multiple of {@code classes}, which the channel-group objective needs.
     */
    public static List<LayerSpec> cwcompCnn(int channels, int classes, double width) {
        int[] widths = {20, 80, 240, 480};
        List<LayerSpec> layers = new ArrayList<>();
        int in = channels;
        for (int i = 0; i < widths.length; i++) {
            int c = Math.max(1, (int) Math.round(widths[i] * width / classes)) * classes;
            boolean odd = i % 2 == 1;
            layers.add(new LayerSpec(in, c, 3, 1, 1, false, ResidualLink.NONE, odd ? classes : 1, odd));
            in = c;
        }
        return List.copyOf(layers);
    }

    /**
     * Hinton's FF network: 4 fully connected layers of 2000 ReLU units (specs/baselines.md 3.8), each a
     * convolution whose kernel covers its whole input (the first one the {@code inputSize} x {@code inputSize}
     * image, the others the 1 x 1 map of the layer before), which is exactly a fully connected layer.
     */
    public static List<LayerSpec> ffMlp(int channels, double width, int inputSize) {
        if (inputSize < 1) {
            throw new UserInputException("model.arch ff-mlp needs model.input_size, the side of its input images");
        }
        int units = scaled(2000, width);
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(LayerSpec.conv(channels, units, inputSize, 0, false));
        for (int i = 1; i < 4; i++) {
            layers.add(LayerSpec.conv(units, units, 1, 0, false));
        }
        return List.copyOf(layers);
    }

    /**
     * The FF-CNN of specs/ff-cnn-spatial-labels.md 9 [DESIGN]: three convolutions (the paper's MNIST network has
     * three, each followed by layer norm and ReLU; widths and kernels are not published): 64 (k5), 2x2 average
     * pool + 128 (k5), 2x2 average pool + 256 (k3), all padded to keep the map size.
     */
    public static List<LayerSpec> ffCnn(int channels, double width) {
        int c0 = scaled(64, width);
        int c1 = scaled(128, width);
        int c2 = scaled(256, width);
        return List.of(
                LayerSpec.conv(channels, c0, 5, 2, false),
                LayerSpec.conv(c0, c1, 5, 2, true),
                LayerSpec.conv(c1, c2, 3, 1, true));
    }
}
