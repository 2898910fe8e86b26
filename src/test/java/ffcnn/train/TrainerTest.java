package ffcnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ffcnn.data.DataSplits;
import ffcnn.data.ImageSet;
import ffcnn.data.Normalization;
import ffcnn.nn.ModelConfig;
import ffcnn.nn.Network;
import ffcnn.nn.NetworkBuilder;
import ffcnn.objective.CawConvObjective;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loop itself, on small synthetic images: memory stays flat, NaN stops the run before any update. */
class TrainerTest {


    static DataSplits synthetic(int n) {
        return ffcnn.testing.SyntheticData.splits(n, 32, 64);
    }

    static Network network(NDManager m) {
        Engine.getInstance().setRandomSeed(5);
        CawConvObjective caw = new CawConvObjective(0.1, 1e-2, 1e-3, 50, 10, 0.995, 0.1, 100, 0.5,
                new double[] {0.94, 0.06, 0.05});
        return NetworkBuilder.build(new ModelConfig("tiny-cnn", 0.1, 0.1, "instance", "uniform-fan-in", 0, "conv-relu-dropout"), caw, 1,
                10, m);
    }

    @Test
    void everyArrayOfAStepIsFreedByItsEnd() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = network(m);
            TrainConfig c = new TrainConfig(3, 16, 0.03, 0.003, 5e-4, 1.0, 1);
            List<Integer> afterBatch = new ArrayList<>();
            List<Integer> afterEpoch = new ArrayList<>();
            TrainingListener counter = new TrainingListener() {
                @Override
                public void onBatchEnd(int epoch, int batch, int size, double loss) {
                    afterBatch.add(net.manager().getManagedArrays().size());
                }

                @Override
                public void onEpochEnd(EpochMetrics metrics, List<EpochMetrics> history) {
                    afterEpoch.add(net.manager().getManagedArrays().size());
                }
            };
            new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("loss-aware", synthetic(1).classNames()),
                    List.of(counter), null).fit(synthetic(160), "caw-conv");
            assertThat(afterBatch).hasSize(30); // 10 batches of 16, 3 epochs
            assertThat(afterEpoch).hasSize(3);
            // the parameters and optimiser moments only: nothing of a step (or of an evaluation) is left behind
            assertThat(afterBatch).containsOnly(afterBatch.get(0));
            assertThat(afterEpoch).containsOnly(afterBatch.get(0));
        }
    }

    @Test
    void nonFiniteLossStopsTheRunBeforeAnyUpdate() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = network(m);
            net.layers().get(1).learnable().get(0).getArray().muli(Float.NaN); // layer 1's loss is NaN
            List<float[]> before = weights(net);
            TrainConfig c = new TrainConfig(1, 16, 0.03, 0.003, 0, 0, 1);
            Trainer t = new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("loss-aware",
                    synthetic(1).classNames()), List.of(), x -> { });
            assertThatThrownBy(() -> t.fit(synthetic(160), "caw-conv")).isInstanceOf(DivergenceException.class)
                    .hasMessageContaining("loss of layer 1 is NaN at epoch 0, batch 0")
                    .hasMessageContaining("before the first checkpoint was written (nothing to resume)");
            List<float[]> after = weights(net);
            for (int l = 1; l < 4; l++) { // layer 0 learnt from the batch before layer 1 failed
                assertThat(after.get(l)).as("layer %d", l).isEqualTo(before.get(l));
            }
            assertThat(t.optimizers().get(1).steps()).isZero();
        }
    }

    @Test
    void divergenceAfterAnEpochNamesTheCheckpointKept() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = network(m);
            TrainConfig c = new TrainConfig(2, 16, 0.03, 0.003, 0, 0, 1);
            TrainingListener poison = new TrainingListener() {
                @Override
                public void onEpochEnd(EpochMetrics metrics, List<EpochMetrics> history) {
                    net.layers().get(2).learnable().get(0).getArray().muli(Float.NaN);
                }
            };
            Trainer t = new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("loss-aware",
                    synthetic(1).classNames()), List.of(poison), x -> { });
            assertThatThrownBy(() -> t.fit(synthetic(160), "caw-conv")).isInstanceOf(DivergenceException.class)
                    .hasMessageContaining("loss of layer 2 is NaN at epoch 1, batch 0")
                    .hasMessageContaining("the checkpoint after epoch 0 is kept");
        }
    }

    @Test
    void layersLearnOnlyInTheirEpochs() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = network(m);
            TrainConfig c = new TrainConfig(2, 16, 0.03, 0.003, 0, 0, 1,
                    List.of(List.of(0, 1), List.of(1, 2), List.of(0, 2), List.of(0, 0)));
            List<List<float[]>> snapshots = new ArrayList<>();
            snapshots.add(weights(net));
            TrainingListener snap = new TrainingListener() {
                @Override
                public void onEpochEnd(EpochMetrics metrics, List<EpochMetrics> history) {
                    snapshots.add(weights(net));
                }
            };
            new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("loss-aware", synthetic(1).classNames()),
                    List.of(snap), null).fit(synthetic(64), "caw-conv");
            boolean[][] learns = {{true, false}, {false, true}, {true, true}, {false, false}};
            for (int l = 0; l < 4; l++) {
                for (int e = 0; e < 2; e++) {
                    boolean changed = !java.util.Arrays.equals(snapshots.get(e).get(l), snapshots.get(e + 1).get(l));
                    assertThat(changed).as("layer %d in epoch %d", l, e).isEqualTo(learns[l][e]);
                }
            }
            TrainConfig wrong = new TrainConfig(1, 16, 0.03, 0.003, 0, 0, 1, List.of(List.of(0, 1)));
            assertThatThrownBy(() -> new Trainer(net, wrong, Trainer.optimizers(net, wrong), RunState.fresh(
                    "loss-aware", synthetic(1).classNames()), List.of(), null))
                    .isInstanceOf(ffcnn.UserInputException.class).hasMessageContaining("train.layer_epochs");
        }
    }

    @Test
    void evalEveryScoresEveryNthEpochAndTheLastAndTrainsAsEveryEpochWould() {
        List<List<EpochMetrics>> histories = new ArrayList<>();
        List<List<float[]>> trained = new ArrayList<>();
        for (int every : new int[] {1, 2}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Network net = network(m);
                TrainConfig c = new TrainConfig(3, 16, 0.03, 0.003, 5e-4, 1.0, 1, List.of(), TrainConfig.ADAMW,
                        0.9, null, TrainConfig.SEQUENTIAL, null, false, every);
                RunState state = RunState.fresh("loss-aware", synthetic(1).classNames());
                new Trainer(net, c, Trainer.optimizers(net, c), state, List.of(), null).fit(synthetic(64), "caw-conv");
                histories.add(state.history());
                trained.add(weights(net));
            }
        }
        List<EpochMetrics> scored = histories.get(1);
        assertThat(histories.get(0)).allSatisfy(e -> assertThat(e.testAccuracy()).containsKey("loss-aware"));
        assertThat(scored.get(0).testAccuracy()).isEmpty(); // epoch 1 of 3: not scored
        assertThat(scored.get(0).evalSeconds()).isZero();
        assertThat(scored.get(0).layers()).allSatisfy(l -> assertThat(l.testAccuracy()).isNaN());
        assertThat(scored.get(1).testAccuracy()).containsKey("loss-aware"); // every 2nd
        assertThat(scored.get(2).testAccuracy()).containsKey("loss-aware"); // the last
        assertThat(scored.get(2).testAccuracy()).isEqualTo(histories.get(0).get(2).testAccuracy());
        // training figures of every epoch, and the same training: scoring changes nothing
        assertThat(scored.get(0).layers().get(0).loss()).isEqualTo(histories.get(0).get(0).layers().get(0).loss());
        for (int l = 0; l < 4; l++) {
            assertThat(trained.get(1).get(l)).as("layer %d", l).isEqualTo(trained.get(0).get(l));
        }
        assertThatThrownBy(() -> new TrainConfig(1, 16, 0.03, 0.003, 0, 0, 1, List.of(), TrainConfig.ADAMW, 0.9,
                null, TrainConfig.SEQUENTIAL, null, false, 0)).hasMessageContaining("train.eval_every must be >= 1");
    }

    static List<float[]> weights(Network net) {
        return net.layers().stream().map(l -> l.learnable().get(0).getArray().toFloatArray()).toList();
    }
}
