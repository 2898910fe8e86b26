package ffcnn.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ffcnn.data.Batch;
import ffcnn.data.Batches;
import ffcnn.data.DataSplits;
import ffcnn.encoding.EncodingConfig;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.ModelConfig;
import ffcnn.nn.Network;
import ffcnn.nn.NetworkBuilder;
import ffcnn.nn.ReadOut;
import ffcnn.objective.BackpropObjective;
import ffcnn.objective.CafoObjective;
import ffcnn.objective.CawConvObjective;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Read-outs learn on detached features and nothing of them reaches the network; parameter groups
 * ({@code train.groups}) reach the optimiser: a frozen group and a group with learning rate 0 do not change.
 */
class ReadOutAndGroupsTest {

    static DataSplits data() {
        return ffcnn.testing.SyntheticData.splits(96, 16, 32);
    }

    /** CAW-Conv's tiny CNN on 8 x 8 grey images with read-out {@code readout}, seeded. */
    static Network network(NDManager m, String readout) {
        Engine.getInstance().setRandomSeed(5);
        CawConvObjective caw = new CawConvObjective(0.1, 1e-2, 1e-3, 50, 10, 0.995, 0.1, 100, 0.5,
                new double[] {0.94, 0.06, 0.05});
        return NetworkBuilder.build(new ModelConfig("tiny-cnn", 0.1, 0.1, "instance", "uniform-fan-in", 8,
                "conv-relu-dropout"), caw, EncodingConfig.IDENTITY, readout, 1, 10, m);
    }

    static List<float[]> values(List<Parameter> params) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : params) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }

    static List<Parameter> all(LocalLayer layer) {
        List<Parameter> out = new ArrayList<>();
        layer.getParameters().forEach(p -> out.add(p.getValue()));
        return out;
    }

    /** Every parameter of the read-out, learnable or frozen. */
    static List<float[]> readout(Network net) {
        List<Parameter> out = new ArrayList<>();
        net.readout().getParameters().forEach(p -> out.add(p.getValue()));
        return values(out);
    }

    static List<float[]> layers(Network net) {
        List<float[]> out = new ArrayList<>();
        for (LocalLayer l : net.layers()) {
            out.addAll(values(all(l)));
        }
        return out;
    }

    static RunState fit(Network net, TrainConfig c) {
        RunState state = RunState.fresh("loss-aware", data().classNames());
        new Trainer(net, c, Trainer.optimizers(net, c), state, List.of(), null).fit(data(), "caw-conv");
        return state;
    }

    /** One read-out step of {@code net} at lr 0.05 on the first 32 training images. */
    static ReadOutStep.Result readOutStep(Network net) {
        TrainConfig c = new TrainConfig(1, 32, 0.05, 0.0, 0.0, 0.0, 1);
        Optimizer opt = Trainer.optimizers(net, c).get(net.layers().size());
        Batch batch;
        try (Batches b = Batches.ordered(data().train(), data().normalization(), 32)) {
            batch = b.next();
        }
        try (NDManager step = net.manager().newSubManager()) {
            return ReadOutStep.run(net, opt, net.features(ffcnn.predict.Evaluator.images(step, batch)),
                    batch.labels(), 0.05);
        }
    }

    @Test
    void aReadOutStepTrainsTheReadOutAloneAndNoGradientReachesTheLayers() {
        for (String kind : List.of("linear-heads", "neutral-linear", "softmax-linear")) {
            try (NDManager m = NDManager.newBaseManager()) {
                Network net = network(m, kind);
                List<float[]> layersBefore = layers(net);
                List<float[]> readoutBefore = readout(net);
                ReadOutStep.Result r = readOutStep(net);
                assertThat(r.loss()[0]).as(kind).isFinite().isPositive();
                assertThat(layers(net)).as(kind + ": the layers").containsExactlyElementsOf(layersBefore);
                for (LocalLayer l : net.layers()) {
                    for (Parameter p : l.learnable()) {
                        // no gradient was ever written into a layer: its gradient buffer is all zeros
                        assertThat(p.getArray().getGradient().abs().sum().getFloat()).as(kind + " " + p.getName())
                                .isZero();
                    }
                }
                assertThat(readout(net)).as(kind + ": the read-out learnt")
                        .isNotEqualTo(readoutBefore);
            }
        }
    }

    @Test
    void theLayersTrainExactlyAsWithoutAReadOut() {
        TrainConfig c = new TrainConfig(1, 16, 0.03, 0.003, 5e-4, 1.0, 1);
        // linear-heads reads a further evaluation-mode pass; softmax-linear the training step's own activations
        for (String kind : List.of("linear-heads", "softmax-linear")) {
            try (NDManager m = NDManager.newBaseManager()) {
                Network plain = network(m, "none");
                Network read = network(m, kind);
                assertThat(layers(read)).as("drawn first, the layers start the same").containsExactlyElementsOf(
                        layers(plain));
                List<float[]> readoutStart = readout(read);
                fit(plain, c);
                fit(read, c);
                assertThat(layers(read)).as(kind).containsExactlyElementsOf(layers(plain));
                assertThat(readout(read)).as(kind).isNotEqualTo(readoutStart);
            }
        }
    }

    @Test
    void theSoftmaxReadOutsLossIsTheCrossEntropyOfTheSoftmaxAsCwCompsOfficialCodeComputesIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = network(m, "softmax-linear");
            ReadOut read = net.readout();
            assertThat(read.fromStep()).as("it learns from the training step's activations").isTrue();
            assertThat(read.perLayer()).isFalse();
            ai.djl.ndarray.NDArray logits = m.create(new float[] {2, 0, 0, 1, -1, 3}, new ai.djl.ndarray.types.Shape(2, 3));
            ai.djl.ndarray.NDArray labels = m.create(new int[] {0, 2});
            double expected = 0;
            float[][] rows = {{2, 0, 0}, {1, -1, 3}};
            int[] y = {0, 2};
            for (int b = 0; b < 2; b++) {
                double[] p = softmax(rows[b]);
                double[] q = softmax(new float[] {(float) p[0], (float) p[1], (float) p[2]});
                expected -= Math.log(q[y[b]]) / 2;
            }
            assertThat(ReadOutStep.classifierLoss(read, logits, labels).getFloat()).isCloseTo((float) expected,
                    org.assertj.core.data.Offset.offset(1e-5f));
            // a softmax applied twice: even a confident, correct classifier keeps a loss above log(1 + (K-1)/e)
            assertThat(expected).isGreaterThan(0.5);
        }
    }

    static double[] softmax(float[] x) {
        double sum = 0;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i]);
            sum += e[i];
        }
        for (int i = 0; i < x.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    @Test
    void aGroupMayLearnByItsOwnRuleButABodyAndItsHeadShareOne() {
        GroupConfig adam = new GroupConfig(true, 0.03, 0.0);
        GroupConfig sgd = new GroupConfig(true, 0.01, 0.0, TrainConfig.SGD, 0.0);
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = network(m, "softmax-linear");
            List<Optimizer> opts = Trainer.optimizers(net, groups(adam, adam, sgd));
            assertThat(opts.subList(0, net.layers().size())).allMatch(o -> o instanceof AdamW);
            assertThat(opts.get(net.layers().size())).as("the read-out's").isInstanceOf(Sgd.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> groups(adam, sgd, adam))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share one optimiser");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PresetLoader.load("cwcomp", "mnist", "paper",
                List.of("train.groups.head.optimizer=sgd")))
                .isInstanceOf(ffcnn.UserInputException.class).hasMessageContaining("train.groups.body and");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GroupConfig(true, 0.01, 0.0, "lbfgs", null))
                .hasMessageContaining("'lbfgs' is not one of adamw, sgd");
    }

    @Test
    void cwCompsPaperPresetsPredictWithTheOfficialSoftmaxReadOutOnPlainSgd() {
        for (String dataset : List.of("mnist", "fashion-mnist", "cifar10")) {
            RunConfig c = PresetLoader.load("cwcomp", dataset, "paper", List.of());
            assertThat(c.predict().strategy()).as(dataset).isEqualTo("softmax-linear");
            assertThat(c.predict().readout()).isEqualTo("softmax-linear");
            assertThat(c.predict().readoutFrom()).as("the last of the four layers").isEqualTo(3);
            ParameterGroups g = c.train().groups();
            assertThat(g.readout()).isEqualTo(new GroupConfig(true, 0.01, 0.0, TrainConfig.SGD, 0.0));
            assertThat(g.body().optimizerIn(c.train())).isEqualTo(TrainConfig.ADAMW);
        }
        RunConfig quick = PresetLoader.load("cwcomp", "mnist", "quick", List.of());
        assertThat(quick.predict().readout()).as("the quick presets predict by goodness alone").isEqualTo("none");
    }

    /** The backprop baseline on the tiny CNN on 8 x 8 grey images, its hidden layers' probes as its read-out. */
    static Network backprop(NDManager m) {
        Engine.getInstance().setRandomSeed(5);
        return NetworkBuilder.build(new ModelConfig("tiny-cnn", 0.1, 0.1, "instance", "uniform-fan-in", 8,
                "conv-relu-dropout"), new BackpropObjective(0.1), 1, 10, m);
    }

    @Test
    void perLayerProbesScoreTheirLayersAndLeaveTheNetworkAsItWouldTrainWithoutThem() {
        GroupConfig learns = new GroupConfig(true, 0.03, 5e-4);
        try (NDManager m = NDManager.newBaseManager()) {
            Network probed = backprop(m);
            Network plain = backprop(m);
            ReadOut probes = probed.readout();
            assertThat(probes.kind()).isEqualTo("linear-probes");
            assertThat(probes.layers()).as("every layer but the classifier's").containsExactly(0, 1, 2);
            assertThat(probed.layers()).extracting(l -> l.head().predicts()).containsExactly(false, false, false,
                    true);
            List<float[]> probesStart = readout(probed);
            RunState trained = fit(probed, groups(learns, learns, learns));
            fit(plain, groups(learns, learns, new GroupConfig(false, 0.03, 5e-4)));
            assertThat(layers(probed)).as("the network, with and without its probes learning")
                    .containsExactlyElementsOf(layers(plain));
            assertThat(readout(probed)).as("the probes learnt").isNotEqualTo(probesStart);
            assertThat(readout(plain)).as("frozen probes").containsExactlyElementsOf(probesStart);
            // the probes learn from the step's own activations, and their losses are their layers' training figures
            assertThat(probes.fromStep()).isTrue();
            List<LayerMetrics> figures = trained.history().get(0).layers();
            for (int l = 0; l < 3; l++) {
                assertThat(figures.get(l).loss()).as("layer %d's probe loss", l).isPositive().isFinite();
            }
            try (NDManager step = m.newSubManager()) {
                List<ai.djl.ndarray.NDArray> scores = probed.scores(step.randomUniform(0, 1,
                        new ai.djl.ndarray.types.Shape(4, 1, 8, 8)), 0);
                assertThat(scores.get(0).abs().sum().getFloat()).as("layer 0 scored by its probe").isPositive();
            }
        }
    }

    @Test
    void cafosPredictorsLearnInTheReadOutStepAndTheBlocksStayAsDrawn() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            Network net = NetworkBuilder.build(new ModelConfig("cafo-cnn", 0.25, 0, "none", "uniform-fan-in", 8,
                    "dropout-conv-relu-bn"), new CafoObjective("sparsemax"), 1, 10, m);
            List<float[]> blocks = layers(net);
            List<float[]> start = readout(net);
            ReadOutStep.Result r = readOutStep(net);
            // every predictor starts at 0: sparsemax of equal scores is uniform, its loss 1/2 - 1/(2K) = 0.45
            assertThat(r.loss()).containsExactly(new float[] {0.45f, 0.45f, 0.45f},
                    org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(r.correct()).hasSize(3);
            for (long n : r.correct()) {
                assertThat(n).isBetween(0L, 32L);
            }
            assertThat(layers(net)).as("the blocks").containsExactlyElementsOf(blocks);
            assertThat(readout(net)).as("the predictors learnt").isNotEqualTo(start);
        }
    }

    static TrainConfig groups(GroupConfig body, GroupConfig head, GroupConfig readout) {
        return new TrainConfig(1, 16, 0.03, 0.003, 5e-4, 1.0, 1, List.of(), TrainConfig.ADAMW, TrainConfig.DEFAULT_MOMENTUM,
                new ParameterGroups(body, head, readout));
    }

    @Test
    void aFrozenGroupAndAGroupWithLearningRateZeroDoNotChange() {
        GroupConfig learns = new GroupConfig(true, 0.03, 5e-4);
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = network(m, "linear-heads");
            LocalLayer first = net.layers().get(0);
            List<Parameter> body = new ArrayList<>(all(first));
            List<Parameter> head = new ArrayList<>(first.head().getParameters().values());
            body.removeAll(head);
            assertThat(head).as("CAW-Conv's head learns an assignment").isNotEmpty();
            List<float[]> bodyStart = values(body);
            List<float[]> headStart = values(head);
            List<float[]> readoutStart = readout(net);
            fit(net, groups(new GroupConfig(false, 0.03, 5e-4), new GroupConfig(true, 0.0, 5e-4),
                    new GroupConfig(false, 0.03, 5e-4)));
            assertThat(values(body)).as("frozen bodies").containsExactlyElementsOf(bodyStart);
            assertThat(values(head)).as("heads at lr 0").containsExactlyElementsOf(headStart);
            assertThat(readout(net)).as("frozen read-out").containsExactlyElementsOf(readoutStart);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = network(m, "linear-heads");
            LocalLayer first = net.layers().get(0);
            List<Parameter> head = new ArrayList<>(first.head().getParameters().values());
            List<Parameter> body = new ArrayList<>(all(first));
            body.removeAll(head);
            List<float[]> bodyStart = values(body);
            List<float[]> headStart = values(head);
            List<float[]> readoutStart = readout(net);
            fit(net, groups(learns, new GroupConfig(false, 0.03, 5e-4), new GroupConfig(true, 0.0, 0.0)));
            assertThat(values(body)).as("learning bodies").isNotEqualTo(bodyStart);
            assertThat(values(head)).as("frozen heads").containsExactlyElementsOf(headStart);
            assertThat(readout(net)).as("read-out at lr 0").containsExactlyElementsOf(readoutStart);
        }
    }

    @Test
    void groupSettingsComeFromThePresetAndInheritTheRunsLearningRate() {
        RunConfig c = PresetLoader.load("asge", "fashion-mnist", "quick", List.of("train.lr=0.01",
                "train.groups.readout.lr=0.002", "train.groups.head.trainable=false"));
        ParameterGroups g = c.train().groups();
        assertThat(g.body()).isEqualTo(new GroupConfig(true, 0.01, c.train().weightDecay(), c.train().optimizer(),
                c.train().momentum()));
        assertThat(g.head().trainable()).isFalse();
        assertThat(g.readout().lr()).isEqualTo(0.002);
        assertThat(g.readout().lrScale(c.train().lr())).isEqualTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
        // the resolved config (config.yaml) binds to the same groups
        RunConfig again = PresetLoader.fromTree(yamlTree(c), "config.yaml");
        assertThat(again.train().groups()).isEqualTo(g);
    }

    static com.fasterxml.jackson.databind.JsonNode yamlTree(RunConfig c) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(PresetLoader.toYaml(c));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
