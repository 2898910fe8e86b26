package ffcnn.train;

import ffcnn.data.DataSplits;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.Network;
import ffcnn.predict.BestLayerRange;
import ffcnn.predict.Evaluator;
import ffcnn.predict.LayerScores;
import ffcnn.predict.PredictionStrategy;
import ffcnn.predict.WeightedLayers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of an epoch: the loss-aware weights come from the losses collected during training, so only
 * the validation and test splits are scored, once each; every strategy is then evaluated on those scores.
 */
final class EpochEvaluation {

    private EpochEvaluation() {
    }

    static EpochMetrics evaluate(Network net, DataSplits data, int epoch, double lr, double trainSeconds,
            LayerStats[] stats, double[] losses, int batchSize, RunState state) {
        long start = System.nanoTime();
        int layers = net.layers().size();
        LayerScores valid = data.valid().size() > 0
                ? Evaluator.scores(net, data.valid(), data.normalization(), batchSize, epoch) : null;
        LayerScores test = Evaluator.scores(net, data.test(), data.normalization(), batchSize, epoch);
        int[] range = valid != null ? BestLayerRange.select(valid) : new int[] {0, layers - 1};
        List<PredictionStrategy> strategies = strategies(losses, range);
        Map<String, Double> validAcc = new LinkedHashMap<>();
        Map<String, Double> testAcc = new LinkedHashMap<>();
        for (PredictionStrategy s : strategies) {
            if (valid != null) {
                validAcc.put(s.name(), s.accuracy(valid));
            }
            testAcc.put(s.name(), s.accuracy(test));
        }
        double[] validLayer = valid != null ? valid.layerAccuracies() : null;
        double[] testLayer = test.layerAccuracies();
        List<LayerMetrics> perLayer = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            LocalLayer layer = net.layers().get(l);
            perLayer.add(new LayerMetrics(l, stats[l].meanLoss(), losses[l], stats[l].accuracy(),
                    validLayer != null ? validLayer[l] : Double.NaN, testLayer[l], layer.head().diagnostics(epoch)));
        }
        ModelState old = state.model();
        state.update(new ModelState(epoch, losses.clone(), range, old.strategy(), old.classNames()));
        double evalSeconds = (System.nanoTime() - start) / 1e9;
        return new EpochMetrics(epoch, lr, trainSeconds, evalSeconds, data.train().size() / trainSeconds, validAcc,
                testAcc, perLayer);
    }

    /** Every strategy ffcnn reports, the loss-aware one first. */
    static List<PredictionStrategy> strategies(double[] losses, int[] range) {
        return WeightedLayers.NAMES.stream().map(n -> (PredictionStrategy) WeightedLayers.named(n, losses, range))
                .toList();
    }
}
