package ffcnn.train;

import ffcnn.data.DataSplits;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.Network;
import ffcnn.predict.Evaluation;
import ffcnn.predict.Evaluator;
import ffcnn.predict.PredictionStrategy;
import ffcnn.predict.Strategies;
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
        String readout = readout(net);
        int[] all = {0, layers - 1};
        Evaluation valid = null;
        if (data.valid().size() > 0) {
            // every strategy but best-range, which is chosen from the range counts this pass collects
            List<PredictionStrategy> known = strategies(losses, all, readout).stream()
                    .filter(s -> !s.name().equals("best-range")).toList();
            valid = Evaluator.evaluate(net, data.valid(), data.normalization(), batchSize, epoch,
                    new Evaluation(known, layers, net.classes(), true));
        }
        int[] range = valid != null ? valid.bestRange() : all;
        List<PredictionStrategy> strategies = strategies(losses, range, readout);
        Evaluation test = Evaluator.evaluate(net, data.test(), data.normalization(), batchSize, epoch,
                new Evaluation(strategies, layers, net.classes(), false));
        Map<String, Double> validAcc = new LinkedHashMap<>();
        Map<String, Double> testAcc = test.accuracies();
        if (valid != null) {
            Map<String, Double> known = valid.accuracies();
            for (PredictionStrategy s : strategies) {
                validAcc.put(s.name(), s.name().equals("best-range") ? valid.rangeAccuracy(range) : known.get(s.name()));
            }
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
        state.update(new ModelState(epoch, Strategies.states(strategies), old.strategy(), old.classNames()));
        double evalSeconds = (System.nanoTime() - start) / 1e9;
        return new EpochMetrics(epoch, lr, trainSeconds, evalSeconds, data.train().size() / trainSeconds, validAcc,
                testAcc, perLayer, test.topFiveAccuracies());
    }

    /**
     * The end of an epoch that is not scored ({@code train.eval_every}): training figures only, no validation or
     * test accuracy; the loss-aware weights follow this epoch's losses, best-range keeps the range last chosen.
     */
    static EpochMetrics unscored(Network net, int epoch, double lr, double trainSeconds, int trainImages,
            LayerStats[] stats, double[] losses, RunState state) {
        List<LayerMetrics> perLayer = new ArrayList<>();
        for (int l = 0; l < stats.length; l++) {
            perLayer.add(new LayerMetrics(l, stats[l].meanLoss(), losses[l], stats[l].accuracy(), Double.NaN,
                    Double.NaN, net.layers().get(l).head().diagnostics(epoch)));
        }
        ModelState old = state.model();
        int[] range = WeightedLayers.bestRange(old.strategies().get("best-range"), stats.length).span();
        state.update(new ModelState(epoch, Strategies.states(strategies(losses, range, readout(net))), old.strategy(),
                old.classNames()));
        return new EpochMetrics(epoch, lr, trainSeconds, 0, trainImages / trainSeconds, Map.of(), Map.of(), perLayer,
                Map.of());
    }

    /** The read-out of {@code net}: its kind, or {@code none}. */
    static String readout(Network net) {
        return net.readout() != null ? net.readout().kind() : "none";
    }

    /** Every strategy ffcnn reports for a model with {@code readout}, the loss-aware one first. */
    static List<PredictionStrategy> strategies(double[] losses, int[] range, String readout) {
        return Strategies.fitted(losses, range, readout);
    }
}
