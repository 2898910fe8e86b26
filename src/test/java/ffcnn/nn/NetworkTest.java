package ffcnn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ffcnn.objective.CawConvObjective;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes, parameter counts and normalisations of specs/caw-conv.md 16 (O18-O23). */
class NetworkTest {

    static final CawConvObjective CAW = new CawConvObjective(0.1, 1e-2, 1e-3, 50, 10, 0.995, 0.1, 100, 0.5,
            new double[] {0.94, 0.06, 0.05});

    static Network build(NDManager m, String arch, int channels, int inputSize) {
        Engine.getInstance().setRandomSeed(7);
        return NetworkBuilder.build(new ModelConfig(arch, 1.0, 0.1, "instance", "uniform-fan-in", inputSize, "conv-relu-dropout"), CAW,
                channels, 10, m);
    }

    @Test
    void parameterCountsMatchTheOfficialNetworks() { // O21
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(build(m, "tiny-cnn", 3, 0).parameterCount()).isEqualTo(2_678_504);
            assertThat(build(m, "vgg", 3, 0).parameterCount()).isEqualTo(14_993_803);
            assertThat(build(m, "resnet17", 3, 0).parameterCount()).isEqualTo(30_663_717);
        }
    }

    @Test
    void deeperForwardConvParameterCounts() { // DeeperForward O11
        try (NDManager m = NDManager.newBaseManager()) {
            var df = new ffcnn.objective.DeeperForwardObjective(0);
            long[] expected = {2_667_500, 17_774_190, 30_602_700};
            String[] arch = {"tiny-cnn", "vgg14", "resnet17"};
            for (int i = 0; i < arch.length; i++) {
                Network net = NetworkBuilder.build(new ModelConfig(arch[i], 1.0, 0.2, "group", "normal-fan-out", 0, "conv-relu-dropout"), df,
                        3, 10, m);
                assertThat(net.parameterCount()).as(arch[i]).isEqualTo(expected[i]);
            }
            assertThat(Architectures.resnet17(3, 3.0).stream().mapToLong(LayerSpec::convParameters).sum())
                    .isEqualTo(275_408_100);
        }
    }

    @Test
    void resnetPassesOnTheShapesOfTheSpec() { // O20
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = build(m, "resnet17", 3, 0);
            NDArray x = net.prepare(m.randomNormal(new Shape(2, 3, 32, 32)));
            ResidualPass pass = new ResidualPass();
            Shape[] expected = {new Shape(2, 100, 32, 32), null, null, null, new Shape(2, 200, 32, 32),
                new Shape(2, 200, 16, 16), null, null, new Shape(2, 400, 16, 16), null, null, null,
                new Shape(2, 800, 8, 8), null, null, null, new Shape(2, 1600, 4, 4)};
            for (int l = 0; l < 17; l++) {
                LocalLayer layer = net.layers().get(l);
                NDArray y = layer.activations(x, false);
                assertThat(layer.scores(y, 0).getShape()).isEqualTo(new Shape(2, 10));
                x = pass.next(layer.spec().link(), layer.passOn(y));
                if (expected[l] != null) {
                    assertThat(x.getShape()).as("after layer %d", l).isEqualTo(expected[l]);
                }
            }
        }
    }

    @Test
    void resnetOnMnistResizesTo32AndLayerNormalises() { // specs/caw-conv.md 7: Resize(32, 32), layer norm
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = build(m, "resnet17", 1, 32);
            NDArray x = net.prepare(m.randomUniform(0, 1, new Shape(2, 1, 28, 28)));
            assertThat(x.getShape()).isEqualTo(new Shape(2, 1, 32, 32));
            assertThat(x.get(0).mean().getFloat()).isCloseTo(0f, within(1e-5f));
            assertThat(x.get(0).square().mean().getFloat()).isCloseTo(1f, within(1e-3f));
            assertThat(net.scores(m.randomUniform(0, 1, new Shape(2, 1, 28, 28)), 0)).hasSize(17);
        }
    }

    @Test
    void mnistSizedVggSkipsInstanceNormOnOneByOneMaps() { // O22
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = build(m, "vgg", 1, 0);
            NDArray x = net.prepare(m.randomNormal(new Shape(2, 1, 28, 28)));
            for (int l = 0; l < 13; l++) {
                LocalLayer layer = net.layers().get(l);
                NDArray y = layer.activations(x, false);
                x = layer.passOn(y);
                if (l >= 11) {
                    assertThat(y.getShape().get(2)).isEqualTo(1);
                    assertThat(x.toFloatArray()).containsExactly(y.toFloatArray());
                }
            }
        }
    }

    @Test
    void normalisationsMatchPyTorch() { // O18, O19, DeeperForward O3
        try (NDManager m = NDManager.newBaseManager()) {
            float[] expected = {-1.3416354f, -0.4472118f, 0.4472118f, 1.3416354f};
            NDArray map = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            assertThat(GroupNormalization.instance(map).toFloatArray()).containsExactly(expected, within(1e-6f));
            assertThat(GroupNormalization.layer(map.mul(3).add(7)).toFloatArray())
                    .containsExactly(new float[] {-1.3416402f, -0.4472134f, 0.4472134f, 1.3416402f}, within(1e-6f));
            NDArray channels = m.create(new float[] {1, 3, 5, 7}, new Shape(1, 4, 1, 1));
            assertThat(GroupNormalization.apply(channels, 2).toFloatArray())
                    .containsExactly(new float[] {-0.999995f, 0.999995f, -0.999995f, 0.999995f}, within(1e-6f));
        }
    }

    @Test
    void initialisationsHaveTheStandardDeviationsOfPyTorch() { // DeeperForward O6, PyTorch default bound
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            NDArray normal = NetworkBuilder.initializer("normal-fan-out").initialize(m, new Shape(100, 100, 3, 3),
                    ai.djl.ndarray.types.DataType.FLOAT32);
            float mean = normal.mean().getFloat();
            float std = (float) Math.sqrt(normal.sub(mean).square().mean().getFloat());
            assertThat(std).isCloseTo(0.0471405f, within(5e-4f));
            NDArray uniform = NetworkBuilder.initializer("uniform-fan-in").initialize(m, new Shape(200, 100, 5, 5),
                    ai.djl.ndarray.types.DataType.FLOAT32);
            assertThat(uniform.abs().max().getFloat()).isLessThanOrEqualTo(0.02f).isGreaterThan(0.0199f);
        }
    }

    /** A forward-only method's objective with the network it trains. */
    record Case(String name, ffcnn.objective.Objective objective, ModelConfig model) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The forward-only rules whose layers learn (CaFo's do not: its predictors are a read-out, ReadOutAndGroupsTest). */
    static java.util.stream.Stream<Case> forwardOnlyObjectives() {
        return java.util.stream.Stream.of(
                new Case("caw-conv", CAW, new ModelConfig("tiny-cnn", 1.0, 0.1, "instance", "uniform-fan-in", 0,
                        "conv-relu-dropout")),
                new Case("deeperforward", new ffcnn.objective.DeeperForwardObjective(0), new ModelConfig("tiny-cnn",
                        1.0, 0.1, "group", "normal-fan-out", 0, "conv-relu-dropout")),
                new Case("cwcomp", new ffcnn.objective.CwCompObjective(0), new ModelConfig("cwcomp-cnn", 1.0, 0.1,
                        "none", "uniform-fan-in", 0, "dropout-conv-relu-bn")),
                new Case("ff", new ffcnn.objective.FfObjective("mean", 1), new ModelConfig("ff-mlp", 0.05, 0,
                        "layer", "uniform-fan-in", 28, "conv-relu-dropout")),
                new Case("ff-cnn", new ffcnn.objective.FfObjective("sum", 0.5), new ModelConfig("ff-cnn", 0.25, 0,
                        "layer", "uniform-fan-in", 0, "conv-ln-relu")),
                new Case("symba", new ffcnn.objective.SymbaObjective("mean", 4), new ModelConfig("ff-mlp", 0.05, 0,
                        "rms", "uniform-fan-in", 28, "conv-bias-relu-fullgrad")),
                new Case("asge", new ffcnn.objective.AsgeObjective(1), new ModelConfig("vgg8", 0.0625, 0.1,
                        "none", "normal-fan-in", 32, "pool-dropout-rms-conv-relu")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("forwardOnlyObjectives")
    void noGradientCrossesALayerBoundary(Case c) { // caw-conv O23, deeperforward O13, cwcomp
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            Network net = NetworkBuilder.build(c.model(), c.objective(), 1, 10, m);
            assertThat(net.units()).hasSize(net.layers().size());
            NDArray x = net.prepare(m.randomNormal(new Shape(4, 1, 28, 28)));
            NDArray labels = m.create(new int[] {0, 1, 2, 3});
            // the Forward-Forward rules learn from two positives followed by their two negatives
            ffcnn.encoding.Targets targets = ((ffcnn.objective.Objective) c.objective()).labelInInput()
                    ? new ffcnn.encoding.Targets(labels, m.create(new float[] {1, 1, 0, 0}))
                    : ffcnn.encoding.Targets.of(labels);
            LocalLayer first = net.layers().get(0);
            LocalLayer second = net.layers().get(1);
            NDArray out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = first.activations(x, true);
                gc.backward(first.loss(y, targets, 0).total());
                out = first.passOn(y);
            }
            List<float[]> before = first.learnable().stream().map(p -> p.getArray().getGradient().toFloatArray()).toList();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // even without the detach in passOn, activations() detaches its input
                NDArray y = second.activations(out, true);
                gc.backward(second.loss(y, targets, 1).total());
            }
            List<Parameter> params = first.learnable();
            for (int i = 0; i < params.size(); i++) {
                assertThat(params.get(i).getArray().getGradient().toFloatArray()).containsExactly(before.get(i));
            }
            assertThat(second.learnable().get(0).getArray().getGradient().abs().sum().getFloat()).isPositive();
        }
    }

    /**
     * With the label in the input every class is tried as a candidate: a layer's score for class k is its
     * goodness on the input labelled k, whether the classes run in one pass (2 images) or in chunks (100 images).
     */
    @Test
    void everyClassIsTriedAsACandidateInOneOrSeveralPasses() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(8);
            var ff = new ffcnn.objective.FfObjective("mean", 1);
            var overlay = new ffcnn.encoding.EncodingConfig("overlay", 1, "rms", "wrong-label");
            Network net = NetworkBuilder.build(new ModelConfig("ff-mlp", 0.05, 0, "layer", "uniform-fan-in", 28,
                    "conv-relu-dropout"), ff, overlay, 1, 10, m);
            NDArray images = m.randomUniform(0, 1, new Shape(100, 1, 28, 28));
            List<NDArray> chunked = net.scores(images, 0);
            List<NDArray> onePass = net.scores(images.get("0:2"), 0);
            assertThat(chunked).hasSize(4);
            for (int l = 0; l < 4; l++) {
                assertThat(chunked.get(l).getShape()).isEqualTo(new Shape(100, 10));
                float[] a = chunked.get(l).get("0:2").toFloatArray();
                float[] b = onePass.get(l).toFloatArray();
                for (int i = 0; i < a.length; i++) {
                    assertThat(a[i]).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-4f * Math.abs(b[i]) + 1e-6f));
                }
            }
            // class 3 of image 1: the goodness of layer 0 on that one candidate input
            NDArray candidate = net.encoder().candidates(images.get("1:2"), 3, 4);
            NDArray input = ffcnn.nn.InputNorm.RMS.apply(candidate);
            float g = net.layers().get(0).scores(net.layers().get(0).activations(input, false), 0).getFloat();
            assertThat(chunked.get(0).getFloat(1, 3)).isCloseTo(g, org.assertj.core.data.Offset.offset(1e-4f * g));
        }
    }

    /** Hardest negatives: each image's wrong label is the other class the network scores highest (layers 2-4). */
    @Test
    void hardestNegativesTakeTheWrongLabelWithTheMostGoodness() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            var ff = new ffcnn.objective.FfObjective("mean", 1);
            var hardest = new ffcnn.encoding.EncodingConfig("overlay", 1, "rms", "hardest");
            Network net = NetworkBuilder.build(new ModelConfig("ff-mlp", 0.05, 0, "layer", "uniform-fan-in", 28,
                    "conv-relu-dropout"), ff, hardest, 1, 10, m);
            NDArray images = m.randomUniform(0, 1, new Shape(6, 1, 28, 28));
            int[] labels = {0, 1, 2, 3, 4, 5};
            int[] wrong = java.util.Arrays.copyOfRange(net.trainingInput(images, labels).targets().classes()
                    .toIntArray(), 6, 12);
            List<NDArray> perLayer = net.scores(images, 0);
            NDArray sum = perLayer.get(1).add(perLayer.get(2)).add(perLayer.get(3));
            for (int i = 0; i < 6; i++) {
                float[] row = sum.get(i).toFloatArray();
                int best = labels[i] == 0 ? 1 : 0;
                for (int k = 0; k < 10; k++) {
                    if (k != labels[i] && row[k] > row[best]) {
                        best = k;
                    }
                }
                assertThat(wrong[i]).as("image " + i).isEqualTo(best);
            }
        }
    }
}
