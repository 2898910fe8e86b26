package ffcnn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Convolution} gives the exact convolution (output, weight gradient and input gradient) for the channel
 * counts of every ffcnn network, checked against the engine's float64 convolution, which takes another path.
 * Without the channel padding, the first rows fail on the AVX-512 and AVX2 machines of this project.
 */
class ConvolutionTest {

    @ParameterizedTest(name = "{0} -> {1} channels, {2}x{2}, k{3}, {4} group(s)")
    @CsvSource({
        "20, 40, 14, 5, 1", // TinyCNN width 0.2, layer 1: the divergence of issue 8
        "100, 200, 14, 5, 1", // TinyCNN layer 1, ResNet-17 stage 1
        "200, 400, 7, 3, 1",
        "70, 70, 16, 3, 1", // VGG
        "280, 280, 8, 3, 1",
        "240, 480, 8, 3, 10", // CwComp's grouped layer: 24 channels a group
        "400, 400, 7, 3, 1", // already exact: unchanged
        "3, 100, 32, 3, 1"})
    void matchesTheFloat64Convolution(int in, int out, int size, int kernel, int groups) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            NDArray x = m.randomNormal(new Shape(4, in, size, size));
            NDArray w = m.randomNormal(0f, 0.05f, new Shape(out, in / groups, kernel, kernel), DataType.FLOAT32);
            NDArray r = m.randomNormal(new Shape(4, out, size, size));
            NDArray[] got = run(x, w, r, kernel / 2, groups, DataType.FLOAT32, true);
            NDArray[] ref = run(x, w, r, kernel / 2, groups, DataType.FLOAT64, false);
            String[] names = {"output", "weight gradient", "input gradient"};
            for (int i = 0; i < 3; i++) {
                float scale = ref[i].abs().max().getFloat();
                float err = got[i].sub(ref[i]).abs().max().getFloat();
                assertThat(err).as(names[i]).isLessThan(1e-4f * scale);
            }
        }
    }

    /** A kernel as large as the input is a fully connected layer (the FF MLP): 784 -> 1000, then 1000 -> 1000. */
    @ParameterizedTest(name = "{0} -> {1} channels, {2}x{2} kernel over the whole input")
    @CsvSource({"1, 1000, 28", "3, 100, 32", "1000, 1000, 1"})
    void aKernelOverTheWholeInputIsExact(int in, int out, int size) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(12);
            NDArray x = m.randomNormal(new Shape(4, in, size, size));
            NDArray w = m.randomNormal(0f, 0.05f, new Shape(out, in, size, size), DataType.FLOAT32);
            NDArray b = m.randomNormal(new Shape(out));
            Shape one = new Shape(1, 1);
            Shape none = new Shape(0, 0);
            NDArray got = Convolution.apply(x, w, b, one, none, 1);
            NDArray ref = Conv2d.conv2d(x.toType(DataType.FLOAT64, true), w.toType(DataType.FLOAT64, true),
                    b.toType(DataType.FLOAT64, true), one, none, one, 1).singletonOrThrow().toType(DataType.FLOAT32, true);
            assertThat(got.getShape()).isEqualTo(new Shape(4, out, 1, 1));
            assertThat(got.sub(ref).abs().max().getFloat()).isLessThan(1e-4f * ref.abs().max().getFloat());
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "3, 0", "16, 0", "17, 15", "20, 12", "32, 0", "100, 12", "200, 8", "560, 0"})
    void padsOnlyTheChannelCountsTheEngineGetsWrong(long perGroup, long extra) {
        assertThat(Convolution.paddingChannels(perGroup)).isEqualTo(extra);
    }

    /** Output, weight gradient and input gradient of sum(conv(x, w) * r), in float32. */
    private static NDArray[] run(NDArray x0, NDArray w0, NDArray r, int pad, int groups, DataType type,
            boolean ffcnn) {
        NDArray x = x0.toType(type, true);
        NDArray w = w0.toType(type, true);
        x.setRequiresGradient(true);
        w.setRequiresGradient(true);
        NDArray y;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            Shape one = new Shape(1, 1);
            Shape padding = new Shape(pad, pad);
            y = ffcnn ? Convolution.apply(x, w, null, one, padding, groups)
                    : Conv2d.conv2d(x, w, null, one, padding, one, groups).singletonOrThrow();
            gc.backward(y.mul(r.toType(type, true)).sum());
        }
        return new NDArray[] {y.toType(DataType.FLOAT32, true), w.getGradient().toType(DataType.FLOAT32, true),
            x.getGradient().toType(DataType.FLOAT32, true)};
    }
}
