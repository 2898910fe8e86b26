package ffcnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ffcnn.nn.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * train.schedule pipelined: in lock-step it trains exactly the sequential run's parameters (dropout draws
 * included); running at once too when nothing is drawn at random, read-outs included; failures and bad
 * settings stop it in one line; nothing of a batch is left behind.
 */
class PipelineTest {

    private static TrainConfig config(String schedule, PipelineConfig pipeline) {
        return new TrainConfig(2, 16, 0.03, 0.003, 5e-4, 1.0, 1, List.of(), TrainConfig.ADAMW, 0.9, null, schedule,
                pipeline);
    }

    /** Every learnable array of every layer after training {@code net} with {@code c} on 160 images. */
    private static List<float[]> train(Network net, TrainConfig c, List<Integer> batchesSeen) {
        TrainingListener counter = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, int size, double loss) {
                batchesSeen.add(batch);
            }
        };
        new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("loss-aware",
                TrainerTest.synthetic(1).classNames()), List.of(counter), null).fit(TrainerTest.synthetic(160),
                "caw-conv");
        List<float[]> out = new ArrayList<>();
        net.layers().forEach(l -> l.learnable().forEach(p -> out.add(p.getArray().toFloatArray())));
        if (net.readout() != null) {
            net.readout().learnable().forEach(p -> out.add(p.getArray().toFloatArray()));
        }
        return out;
    }

    private static List<float[]> run(TrainConfig c, boolean dropout, List<Integer> batchesSeen) {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = dropout ? TrainerTest.network(m) : withoutDropout(m);
            return train(net, c, batchesSeen);
        }
    }

    /** TrainerTest's network without dropout: training draws nothing at random. */
    private static Network withoutDropout(NDManager m) {
        return withoutDropout(m, "none");
    }

    /**
     * The same with the read-out {@code readout} ({@code none} or a {@link ffcnn.nn.ReadOut#OVER_LAYERS kind}), or
     * CaFo's blocks with their predictors ({@code block-predictors}).
     */
    private static Network withoutDropout(NDManager m, String readout) {
        ai.djl.engine.Engine.getInstance().setRandomSeed(5);
        if (readout.equals("block-predictors")) {
            return ffcnn.nn.NetworkBuilder.build(new ffcnn.nn.ModelConfig("cafo-cnn", 0.25, 0.0, "none",
                    "uniform-fan-in", 8, "dropout-conv-relu-bn"), new ffcnn.objective.CafoObjective("ce"), 1, 10, m);
        }
        var caw = new ffcnn.objective.CawConvObjective(0.1, 1e-2, 1e-3, 50, 10, 0.995, 0.1, 100, 0.5,
                new double[] {0.94, 0.06, 0.05});
        int side = readout.equals("none") ? 0 : 8; // the synthetic images' side, which a read-out needs
        return ffcnn.nn.NetworkBuilder.build(new ffcnn.nn.ModelConfig("tiny-cnn", 0.1, 0.0, "instance",
                "uniform-fan-in", side, "conv-relu-dropout"), caw, ffcnn.encoding.EncodingConfig.IDENTITY, readout, 1,
                10, m);
    }

    @Test
    void readOutsTrainInThePipelineAsInTheSequentialStep() {
        int threads = Pipeline.engineThreads();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1); // the same summation order everywhere, as above
        try {
            for (String kind : List.of("linear-heads", "neutral-linear", "block-predictors")) {
                List<float[]> initial;
                try (NDManager m = NDManager.newBaseManager()) {
                    Network net = withoutDropout(m, kind);
                    initial = new ArrayList<>();
                    net.readout().learnable().forEach(p -> initial.add(p.getArray().toFloatArray()));
                }
                List<float[]> sequential;
                try (NDManager m = NDManager.newBaseManager()) {
                    sequential = train(withoutDropout(m, kind), config(TrainConfig.SEQUENTIAL,
                            PipelineConfig.DEFAULT), new ArrayList<>());
                }
                List<float[]> readOut = sequential.subList(sequential.size() - initial.size(), sequential.size());
                for (int i = 0; i < initial.size(); i++) {
                    assertThat(java.util.Arrays.equals(readOut.get(i), initial.get(i))).as("%s learnt", kind)
                            .isFalse();
                }
                for (PipelineConfig p : List.of(new PipelineConfig(0, 1, true, List.of()),
                        new PipelineConfig(2, 2, false, List.of()), new PipelineConfig(0, 1, false, List.of(1, 2)))) {
                    try (NDManager m = NDManager.newBaseManager()) {
                        List<float[]> piped = train(withoutDropout(m, kind), config(TrainConfig.PIPELINED, p),
                                new ArrayList<>());
                        assertSame(piped, sequential, kind + ", " + p);
                    }
                }
            }
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }

    @Test
    void lockStepGivesTheSequentialParametersBitForBit() {
        List<float[]> sequential = run(config(TrainConfig.SEQUENTIAL, PipelineConfig.DEFAULT), true,
                new ArrayList<>());
        for (PipelineConfig p : List.of(new PipelineConfig(0, 1, true, List.of()),
                new PipelineConfig(3, 1, true, List.of()), new PipelineConfig(0, 1, true, List.of(3)))) {
            List<Integer> seen = new ArrayList<>();
            List<float[]> piped = run(config(TrainConfig.PIPELINED, p), true, seen);
            assertSame(piped, sequential, p.toString());
            // every batch reported once, in order, in both epochs
            List<Integer> expected = new ArrayList<>();
            for (int e = 0; e < 2; e++) {
                for (int b = 0; b < 10; b++) {
                    expected.add(b);
                }
            }
            assertThat(seen).isEqualTo(expected);
        }
    }

    @Test
    void stagesAtOnceGiveTheSequentialParametersWhenNothingIsDrawn() {
        // one engine thread per operation everywhere (the stages, the first, measured batch and the sequential
        // run), so that every operation sums in the same order
        int threads = Pipeline.engineThreads();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
        try {
            List<float[]> sequential = run(config(TrainConfig.SEQUENTIAL, PipelineConfig.DEFAULT), false,
                    new ArrayList<>());
            for (PipelineConfig p : List.of(new PipelineConfig(2, 2, false, List.of()),
                    new PipelineConfig(0, 1, false, List.of(1, 2)))) {
                List<Integer> seen = new ArrayList<>();
                List<float[]> piped = run(config(TrainConfig.PIPELINED, p), false, seen);
                assertThat(seen).hasSize(20);
                assertSame(piped, sequential, p.toString());
            }
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }

    private static void assertSame(List<float[]> actual, List<float[]> expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(java.util.Arrays.equals(actual.get(i), expected.get(i))).as("%s, array %d", what, i).isTrue();
        }
    }

    @Test
    void nothingOfABatchIsLeftBehind() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = TrainerTest.network(m);
            List<Integer> sizes = new ArrayList<>();
            TrainConfig c = config(TrainConfig.PIPELINED, new PipelineConfig(0, 2, false, List.of()));
            TrainingListener counter = new TrainingListener() {
                @Override
                public void onEpochEnd(EpochMetrics metrics, List<EpochMetrics> history) {
                    sizes.add(net.manager().getManagedArrays().size());
                }
            };
            new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("loss-aware",
                    TrainerTest.synthetic(1).classNames()), List.of(counter), null).fit(TrainerTest.synthetic(160),
                    "caw-conv");
            assertThat(sizes).hasSize(2).containsOnly(sizes.get(0));
        }
    }

    @Test
    void theFirstBatchCountsItsBytesWithFixedStagesToo() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = TrainerTest.network(m);
            TrainConfig c = config(TrainConfig.PIPELINED, new PipelineConfig(0, 2, false, List.of(2)));
            Trainer t = new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("loss-aware",
                    TrainerTest.synthetic(1).classNames()), List.of(), null);
            t.fit(TrainerTest.synthetic(160), "caw-conv");
            assertThat(t.peakStepBytes()).isPositive();
            assertThat(java.util.Arrays.stream(t.layerStepBytes()).allMatch(b -> b > 0)).isTrue();
        }
    }

    @Test
    void aNonFiniteLossInAStageStopsEveryStage() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = TrainerTest.network(m);
            net.layers().get(3).learnable().get(0).getArray().muli(Float.NaN);
            TrainConfig c = config(TrainConfig.PIPELINED, new PipelineConfig(0, 1, false, List.of(2)));
            Trainer t = new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("loss-aware",
                    TrainerTest.synthetic(1).classNames()), List.of(), null);
            assertThatThrownBy(() -> t.fit(TrainerTest.synthetic(160), "caw-conv"))
                    .isInstanceOf(DivergenceException.class).hasMessageContaining("loss of layer 3 is NaN at epoch 0");
            assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName))
                    .noneMatch(n -> n.startsWith("ffcnn-stage-"));
        }
    }

    @Test
    void badSettingsAreOneLine() {
        assertThatThrownBy(() -> new PipelineConfig(1, 1, false, List.of()))
                .hasMessageContaining("train.pipeline.stages must be 0 (automatic) or >= 2");
        assertThatThrownBy(() -> new PipelineConfig(0, 0, false, List.of()))
                .hasMessageContaining("train.pipeline.depth must be >= 1");
        assertThatThrownBy(() -> new PipelineConfig(0, 1, false, List.of(2, 2)))
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> new PipelineConfig(0, 1, false, List.of(), -1))
                .hasMessageContaining("train.pipeline.threads must be >= 0");
        assertThatThrownBy(() -> config("parallel", PipelineConfig.DEFAULT))
                .hasMessageContaining("train.schedule 'parallel' is not one of sequential, pipelined");
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = TrainerTest.network(m);
            TrainConfig c = config(TrainConfig.PIPELINED, new PipelineConfig(0, 1, false, List.of(4)));
            assertThatThrownBy(() -> new Pipeline(net, Trainer.optimizers(net, c), c.pipeline(), 2))
                    .isInstanceOf(ffcnn.UserInputException.class)
                    .hasMessageContaining("names unit 4, but the network has 4 learning units");
        }
    }

    @Test
    void stagesAreBalancedOnTheirCost() {
        assertThat(Pipeline.balance(new double[] {28, 30, 22, 20}, 2)).containsExactly(0, 2, 4);
        assertThat(Pipeline.balance(new double[] {10, 10, 10, 10}, 2)).containsExactly(0, 2, 4);
        assertThat(Pipeline.balance(new double[] {1, 1, 1, 9}, 2)).containsExactly(0, 3, 4);
        assertThat(Pipeline.balance(new double[] {5, 5}, 3)).containsExactly(0, 1, 2);
    }
}
