package ffcnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.ModelConfig;
import ffcnn.nn.Network;
import ffcnn.nn.NetworkBuilder;
import ffcnn.objective.CwCompObjective;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code train.bn_refresh} (CwComp's official loop, which predicts every training batch in training mode after the
 * step): batch norm's running statistics are updated once more per batch, with the updated weights, and nothing
 * else changes.
 */
class BatchNormRefreshTest {

    private static Network cwcomp(NDManager m) {
        ai.djl.engine.Engine.getInstance().setRandomSeed(5);
        return NetworkBuilder.build(new ModelConfig("cwcomp-cnn", 1.0, 0.0, "none", "uniform-fan-in", 0,
                "dropout-conv-relu-bn"), new CwCompObjective(0), 1, 10, m);
    }

    private static TrainConfig config(boolean refresh, String schedule, PipelineConfig pipeline) {
        return new TrainConfig(1, 16, 0.01, 0.01, 0.0, 0.0, 2, List.of(), TrainConfig.ADAMW, 0.9, null, schedule,
                pipeline, refresh);
    }

    private static void fit(Network net, TrainConfig c, int images) {
        new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("last-layer",
                TrainerTest.synthetic(1).classNames()), List.of(), null).fit(TrainerTest.synthetic(images), "cwcomp");
    }

    private static List<float[]> learnable(Network net) {
        List<float[]> out = new ArrayList<>();
        net.layers().forEach(l -> l.learnable().forEach(p -> out.add(p.getArray().toFloatArray())));
        return out;
    }

    /** Every layer's running mean and variance, in layer order. */
    private static List<float[]> running(Network net) {
        List<float[]> out = new ArrayList<>();
        for (LocalLayer l : net.layers()) {
            for (var p : l.getParameters()) {
                Parameter.Type t = p.getValue().getType();
                if (t == Parameter.Type.RUNNING_MEAN || t == Parameter.Type.RUNNING_VAR) {
                    out.add(p.getValue().getArray().toFloatArray());
                }
            }
        }
        return out;
    }

    @Test
    void theStatisticsAreUpdatedOnceMoreWithTheUpdatedWeightsAndNothingElseChanges() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network plain = cwcomp(m);
            fit(plain, config(false, TrainConfig.SEQUENTIAL, PipelineConfig.DEFAULT), 16); // one batch
            Network refreshed = cwcomp(m);
            fit(refreshed, config(true, TrainConfig.SEQUENTIAL, PipelineConfig.DEFAULT), 16);
            List<float[]> a = learnable(plain);
            List<float[]> b = learnable(refreshed);
            for (int i = 0; i < a.size(); i++) {
                assertThat(java.util.Arrays.equals(a.get(i), b.get(i))).as("learnable array %d", i).isTrue();
            }
            assertThat(running(refreshed).get(0)).isNotEqualTo(running(plain).get(0));
            // the oracle: the plain network, then the batch once more through every layer in training mode
            try (NDManager step = m.newSubManager()) {
                var batch = ffcnn.data.Batches.ordered(TrainerTest.synthetic(16).train(),
                        TrainerTest.synthetic(16).normalization(), 16).next();
                NDArray x = plain.prepare(ffcnn.predict.Evaluator.images(step, batch));
                for (LocalLayer l : plain.layers()) {
                    x = l.passOn(l.activations(x, true));
                }
            }
            List<float[]> expected = running(plain);
            List<float[]> actual = running(refreshed);
            assertThat(actual).hasSameSizeAs(expected).hasSize(8);
            for (int i = 0; i < expected.size(); i++) {
                float[] e = expected.get(i);
                float[] r = actual.get(i);
                for (int c = 0; c < e.length; c++) {
                    assertThat(r[c]).as("array %d channel %d", i, c).isCloseTo(e[c], within(1e-5f * (1 + Math.abs(e[c]))));
                }
            }
        }
    }

    @Test
    void thePipelineRefreshesAsTheSequentialStep() {
        List<float[]> sequential;
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = cwcomp(m);
            fit(net, config(true, TrainConfig.SEQUENTIAL, PipelineConfig.DEFAULT), 96);
            sequential = running(net);
            sequential.addAll(learnable(net));
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = cwcomp(m);
            fit(net, config(true, TrainConfig.PIPELINED, new PipelineConfig(0, 1, true, List.of())), 96);
            List<float[]> piped = running(net);
            piped.addAll(learnable(net));
            assertThat(piped).hasSameSizeAs(sequential);
            for (int i = 0; i < piped.size(); i++) {
                assertThat(java.util.Arrays.equals(piped.get(i), sequential.get(i))).as("array %d", i).isTrue();
            }
        }
    }

    @Test
    void cwcompsPaperPresetsRefreshAndTrainOnEveryImageAsTheOfficialLoopAndTheQuickOnesDoNot() {
        for (String dataset : List.of("mnist", "fashion-mnist", "cifar10")) {
            assertThat(ffcnn.method.PresetLoader.load("cwcomp", dataset, "paper", List.of()).train().bnRefresh())
                    .as(dataset).isTrue();
            assertThat(ffcnn.method.PresetLoader.load("cwcomp", dataset, "quick", List.of()).train().bnRefresh())
                    .as(dataset + " quick").isFalse();
            // and, as the official code, they train on every official training image (no validation split)
            assertThat(ffcnn.method.PresetLoader.load("cwcomp", dataset, "paper", List.of()).data().validSize())
                    .as(dataset).isZero();
            assertThat(ffcnn.method.PresetLoader.load("cwcomp", dataset, "quick", List.of()).data().validSize())
                    .as(dataset + " quick").isPositive();
        }
        assertThat(ffcnn.method.PresetLoader.load("caw-conv", "mnist", "quick", List.of()).train().bnRefresh())
                .isFalse();
    }

    @Test
    void itRefusesDropoutInOneLine() {
        assertThatThrownBy(() -> ffcnn.method.PresetLoader.load("cwcomp", "fashion-mnist", "paper",
                List.of("train.bn_refresh=true", "model.dropout=0.1"))).isInstanceOf(ffcnn.UserInputException.class)
                .hasMessageContaining("train.bn_refresh").hasMessageContaining("model.dropout 0");
    }
}
