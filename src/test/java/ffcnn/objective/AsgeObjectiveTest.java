package ffcnn.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ffcnn.UserInputException;
import ffcnn.data.DataSplits;
import ffcnn.data.ImageSet;
import ffcnn.data.Normalization;
import ffcnn.encoding.EncodingConfig;
import ffcnn.encoding.Targets;
import ffcnn.nn.LayerContext;
import ffcnn.nn.LayerSpec;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.ModelConfig;
import ffcnn.nn.Network;
import ffcnn.nn.NetworkBuilder;
import ffcnn.train.RunState;
import ffcnn.train.TrainConfig;
import ffcnn.train.Trainer;
import ffcnn.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ASGE against the oracles of specs/asge.md 15: parameter counts of VGG8 and VGG11, goodness dimensions, sizes
 * and statistics of the fixed projections (which a training step leaves bit for bit as they were), adaptive
 * pooling, the goodness gradient in closed form, and locality.
 */
class AsgeObjectiveTest {

    static final AsgeObjective ASGE = new AsgeObjective(1);
    static final EncodingConfig RMS_INPUT = new EncodingConfig("identity", 1, "rms", "wrong-label");

    static DataSplits synthetic(int n) {
        return ffcnn.testing.SyntheticData.splits(n, 16, 16);
    }

    static Network network(NDManager m, String arch, double width, int inputSize, int channels, int classes) {
        Engine.getInstance().setRandomSeed(42);
        return NetworkBuilder.build(new ModelConfig(arch, width, 0.1, "none", "normal-fan-in", inputSize,
                "pool-dropout-rms-conv-relu"), ASGE, RMS_INPUT, channels, classes, m);
    }

    /** Sizes of each layer's fixed arrays (projection rows, then projection plus bias entries). */
    static long[][] fixedSizes(Network net) {
        long[][] out = new long[net.layers().size()][];
        for (int l = 0; l < out.length; l++) {
            var params = net.layers().get(l).head().getParameters();
            Shape r = params.get("projection").getArray().getShape();
            out[l] = new long[] {r.get(0), r.size() + params.get("projection_bias").getArray().size()};
        }
        return out;
    }

    @Test
    void vgg8AndVgg11HaveTheOfficialSizes() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network rgb = network(m, "vgg8", 1, 32, 3, 10);
            assertThat(rgb.parameterCount()).isEqualTo(9_148_416);
            long[][] fixed = fixedSizes(rgb);
            assertThat(java.util.Arrays.stream(fixed).mapToLong(f -> f[0])).containsExactly(2048L, 1024L, 1024L, 512L, 512L,
                    512L, 512L);
            assertThat(java.util.Arrays.stream(fixed).mapToLong(f -> f[1]).sum()).isEqualTo(61_510);
            assertThat(network(m, "vgg8", 1, 32, 1, 10).parameterCount()).isEqualTo(9_146_112);
            assertThat(java.util.Arrays.stream(fixedSizes(network(m, "vgg8", 1, 32, 3, 100))).mapToLong(f -> f[1])
                    .sum()).isEqualTo(615_100);
            Network vgg11 = network(m, "vgg11", 1, 32, 3, 100);
            assertThat(vgg11.parameterCount()).isEqualTo(16_227_840);
            assertThat(java.util.Arrays.stream(fixedSizes(vgg11)).mapToLong(f -> f[0])).containsExactly(2048L, 1024L,
                    1024L, 512L, 512L, 512L, 512L, 512L, 512L, 512L);
        }
    }

    @Test
    void partitionAdaptsToTheChannelCountAndNeedsTheMapSize() {
        LayerSpec spec = LayerSpec.conv(3, 64, 3, 1, false);
        assertThat(ASGE.partition(new LayerContext(0, spec, 64, 32, 512, 10))).isEqualTo(8);
        assertThat(ASGE.partition(new LayerContext(0, spec, 64, 4, 512, 10))).as("clamped to H").isEqualTo(4);
        assertThat(new AsgeObjective(0).partition(new LayerContext(0, spec, 64, 32, 512, 10))).isEqualTo(1);
        assertThat(new AsgeObjective(0.5).partition(new LayerContext(0, spec, 128, 32, 512, 10))).isEqualTo(2);
        assertThatThrownBy(() -> ASGE.head(new LayerContext(0, spec, 64, 0, 512, 10)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("model.input_size");
        assertThatThrownBy(() -> new AsgeObjective(-1)).hasMessageContaining("objective.alpha");
    }

    @Test
    void adaptivePoolingIsAnAveragePoolWhenTheGridDividesTheMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            NDArray x = m.randomNormal(new Shape(2, 3, 8, 8));
            assertThat(AsgeObjective.windows(x, 4).toFloatArray())
                    .containsExactly(AsgeObjective.adaptiveAvgPool(x, 4).toFloatArray(), offset(1e-6f));
            // PyTorch's windows for H = 5, P = 2: rows [0, 3) and [2, 5)
            NDArray r = m.arange(25f).reshape(1, 1, 5, 5);
            assertThat(AsgeObjective.adaptiveAvgPool(r, 2).toFloatArray())
                    .containsExactly(new float[] {6, 8, 16, 18}, offset(1e-6f));
            // goodness is channel-major: index c P^2 + i P + j
            NDArray u = m.create(new float[] {1, 2, 3, 4, 0, 0, 0, 2}, new Shape(1, 2, 2, 2));
            assertThat(AsgeObjective.goodness(u, 2).toFloatArray()).containsExactly(1, 4, 9, 16, 0, 0, 0, 4);
            assertThat(AsgeObjective.goodness(u, 1).toFloatArray()).containsExactly(7.5f, 1f);
        }
    }

    @Test
    void goodnessGradientIsTheErrorCarriedBackByTheFixedProjection() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            int b = 2;
            int c = 2;
            int k = 3;
            var head = (AsgeObjective.Head) ASGE.head(new LayerContext(0, LayerSpec.conv(1, c, 3, 1, false), c, 4,
                    4, k));
            head.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, c, 1, 1));
            assertThat(head.getParameters().get("projection").getArray().getShape()).as("C P^2 x K, P = 2")
                    .isEqualTo(new Shape(8, 3));
            NDArray u = m.randomUniform(0f, 1f, new Shape(b, c, 4, 4));
            u.setRequiresGradient(true);
            NDArray labels = m.create(new int[] {2, 0});
            NDArray a;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = head.loss(u, Targets.of(labels), 0).total();
                a = head.logits(u.stopGradient());
                gc.backward(loss);
            }
            // dL/dg = (softmax(a) - onehot(y)) R^T / B; g = mean over each 2 x 2 cell of u^2, so
            // dL/du = dL/dg[cell] * 2 u / 4
            NDArray r = head.getParameters().get("projection").getArray();
            NDArray dg = a.softmax(1).sub(labels.oneHot(k)).matMul(r.transpose()).div(m.create((float) b));
            NDArray expected = dg.reshape(b, c, 2, 2).repeat(2, 2).repeat(3, 2).mul(u.stopGradient())
                    .div(m.create(2f));
            assertThat(u.getGradient().toFloatArray()).containsExactly(expected.toFloatArray(), offset(1e-6f));
        }
    }


    @Test
    void trainingMovesTheConvolutionsAndLeavesTheProjectionsBitForBit() { // and frees every step's arrays
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = network(m, "vgg8", 0.0625, 16, 1, 10);
            List<float[]> fixed = new ArrayList<>();
            List<float[]> learnt = new ArrayList<>();
            float[] all = new float[0];
            for (LocalLayer l : net.layers()) {
                for (Parameter p : l.head().getParameters().values()) {
                    fixed.add(p.getArray().toFloatArray());
                    assertThat(p.getArray().hasGradient()).as(p.getName()).isFalse();
                }
                learnt.add(l.learnable().get(0).getArray().toFloatArray());
                assertThat(l.learnable()).extracting(Parameter::getName).containsExactly("weight", "bias");
            }
            float[] r = net.layers().get(0).head().getParameters().get("projection").getArray().toFloatArray();
            double mean = 0;
            double square = 0;
            for (float v : r) {
                mean += v / r.length;
                square += (double) v * v / r.length;
            }
            assertThat(mean).as("mean of R_1").isCloseTo(0, offset(0.02));
            assertThat(square - mean * mean).as("variance of R_1, 1/N").isCloseTo(0.1, offset(0.01));
            TrainConfig c = new TrainConfig(1, 16, 2e-4, 1e-5, 1e-3, 0, 42);
            List<Integer> afterBatch = new ArrayList<>();
            TrainingListener counter = new TrainingListener() {
                @Override
                public void onBatchEnd(int epoch, int batch, int size, double loss) {
                    afterBatch.add(net.manager().getManagedArrays().size());
                }
            };
            new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("all-layers", synthetic(1).classNames()),
                    List.of(counter), null).fit(synthetic(48), "asge");
            int i = 0;
            for (int l = 0; l < net.layers().size(); l++) {
                for (Parameter p : net.layers().get(l).head().getParameters().values()) {
                    assertThat(p.getArray().toFloatArray()).as(p.getName() + " of layer " + l)
                            .containsExactly(fixed.get(i++));
                }
                assertThat(net.layers().get(l).learnable().get(0).getArray().toFloatArray()).as("conv of " + l)
                        .isNotEqualTo(learnt.get(l));
            }
            assertThat(afterBatch).as("arrays kept after each step").hasSize(3).containsOnly(afterBatch.get(0));
        }
    }
}
