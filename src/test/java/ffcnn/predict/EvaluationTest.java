package ffcnn.predict;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ffcnn.data.DataSplits;
import ffcnn.encoding.EncodingConfig;
import ffcnn.nn.ModelConfig;
import ffcnn.nn.Network;
import ffcnn.nn.NetworkBuilder;
import ffcnn.objective.CawConvObjective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Accuracies accumulated batch by batch are exactly those of one score table of the whole split: for every
 * strategy, top-5, every layer, and the correct counts of every layer range that choose {@code best-range}.
 */
class EvaluationTest {

    /** Random scores of {@code n} images, 4 layers, {@code k} classes, with read-out logits. */
    static LayerScores random(int n, int k, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * 4 * k];
        float[] read = new float[n * k];
        int[] labels = new int[n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < read.length; i++) {
            read[i] = r.nextInt(3); // ties too
        }
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
            v[(i * 4 + 2) * k + labels[i]] += 1.5f; // layer 2 knows something
        }
        return new LayerScores(n, 4, k, v, labels, read);
    }

    /** Images {@code from..to-1} of {@code s} as a table of their own (a batch). */
    static LayerScores slice(LayerScores s, int from, int to) {
        int k = s.classes();
        return new LayerScores(to - from, s.layers(), k,
                Arrays.copyOfRange(s.values(), from * s.layers() * k, to * s.layers() * k),
                Arrays.copyOfRange(s.labels(), from, to), Arrays.copyOfRange(s.readout(), from * k, to * k));
    }

    /** Top-5 accuracy of {@code strategy} on the whole table, by sorting each image's scores. */
    static double topFive(PredictionStrategy strategy, LayerScores s) {
        int hits = 0;
        for (int i = 0; i < s.size(); i++) {
            float[] c = strategy.combine(s, i);
            Integer[] order = new Integer[c.length];
            for (int k = 0; k < c.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> c[a] != c[b] ? Float.compare(c[b], c[a]) : Integer.compare(a, b));
            if (Arrays.asList(order).subList(0, 5).contains(s.labels()[i])) {
                hits++;
            }
        }
        return (double) hits / s.size();
    }

    @Test
    void batchByBatchEqualsTheWholeTable() {
        LayerScores whole = random(203, 12, 3);
        double[] losses = {0.9, 0.4, 0.2, 0.7};
        int[] range = BestLayerRange.select(whole);
        List<PredictionStrategy> strategies = Strategies.fitted(losses, range, "linear-heads");
        Evaluation e = new Evaluation(strategies, 4, 12, true);
        for (int from = 0; from < whole.size(); from += 17) {
            e.add(slice(whole, from, Math.min(whole.size(), from + 17)));
        }
        assertThat(e.size()).isEqualTo(203);
        assertThat(e.hasTopFive()).as("12 classes").isTrue();
        for (PredictionStrategy s : strategies) {
            assertThat(e.accuracies().get(s.name())).as(s.name()).isEqualTo(s.accuracy(whole));
            assertThat(e.topFiveAccuracies().get(s.name())).as(s.name() + " top-5").isEqualTo(topFive(s, whole));
        }
        assertThat(e.layerAccuracies()).containsExactly(whole.layerAccuracies());
        assertThat(e.bestRange()).containsExactly(range);
        assertThat(e.rangeAccuracy(range)).isEqualTo(WeightedLayers.range("r", 4, range[0], range[1]).accuracy(whole));
        assertThat(range).as("layer 2 carries the signal").contains(2);
    }

    @Test
    void tenClassesOrFewerCountNoTopFive() {
        Evaluation e = new Evaluation(List.of(WeightedLayers.allLayers(4)), 4, 10, false);
        e.add(random(20, 10, 4));
        assertThat(e.hasTopFive()).isFalse();
        assertThat(e.topFiveAccuracies()).isEmpty();
    }

    @Test
    void evaluatorPerBatchEqualsTheScoreTableOnSyntheticImages() {
        DataSplits data = ffcnn.testing.SyntheticData.splits(96, 0, 96);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            CawConvObjective caw = new CawConvObjective(0.1, 1e-2, 1e-3, 50, 10, 0.995, 0.1, 100, 0.5,
                    new double[] {0.94, 0.06, 0.05});
            Network net = NetworkBuilder.build(new ModelConfig("tiny-cnn", 0.1, 0.1, "instance", "uniform-fan-in", 0,
                    "conv-relu-dropout"), caw, EncodingConfig.IDENTITY, "linear-heads", 1, 10, m);
            LayerScores table = Evaluator.scores(net, data.test(), data.normalization(), 7, 0); // the same batches
            List<PredictionStrategy> strategies = new ArrayList<>(Strategies.fitted(new double[] {1, 2, 3, 4},
                    new int[] {1, 2}, "linear-heads"));
            Evaluation e = Evaluator.evaluate(net, data.test(), data.normalization(), 7, 0,
                    new Evaluation(strategies, 4, 10, true));
            for (PredictionStrategy s : strategies) {
                assertThat(e.accuracies().get(s.name())).as(s.name()).isEqualTo(s.accuracy(table));
            }
            assertThat(e.layerAccuracies()).containsExactly(table.layerAccuracies());
            assertThat(e.bestRange()).containsExactly(BestLayerRange.select(table));
            assertThat(table.readout()).as("the read-out's logits are scored").hasSize(96 * 10);
        }
    }
}
