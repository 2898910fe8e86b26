package ffcnn.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Oracles O15 of specs/caw-conv.md and O7 of specs/deeperforward.md. */
class StrategiesTest {

    @Test
    void lossAwareWeightsAreSoftmaxOfNegativeLosses() { // O15
        assertThat(WeightedLayers.lossAware(new double[] {1, 2}).weights())
                .containsExactly(new double[] {0.7310586, 0.2689414}, within(1e-7));
        assertThat(WeightedLayers.lossAware(new double[] {2.0, 1.5, 1.0, 0.8}).weights())
                .containsExactly(new double[] {0.1151129, 0.1897892, 0.3129094, 0.3821884}, within(1e-7));
        assertThat(WeightedLayers.lossAware(new double[] {1, Double.POSITIVE_INFINITY}).weights())
                .containsExactly(1.0, 0.0);
    }

    /** g0 = [[1,0],[2,0]], g1 = [[0,2],[0,1]], g2 = [[3,0],[0,4]], labels [0, 1]. */
    static LayerScores deeperForwardExample() {
        float[] v = {
            1, 0, 0, 2, 3, 0, // image 0: layers 0, 1, 2
            2, 0, 0, 1, 0, 4}; // image 1
        return new LayerScores(2, 3, 2, v, new int[] {0, 1});
    }

    @Test
    void bestRangeCountsAndChoiceMatchDeeperForward() { // DeeperForward O7
        int[][] c = BestLayerRange.correctCounts(deeperForwardExample());
        assertThat(c[0][0]).isEqualTo(1);
        assertThat(c[0][1]).isEqualTo(0);
        assertThat(c[1][1]).isEqualTo(1);
        assertThat(c[0][2]).isEqualTo(2);
        assertThat(c[1][2]).isEqualTo(2);
        assertThat(c[2][2]).isEqualTo(2);
        assertThat(BestLayerRange.select(deeperForwardExample())).containsExactly(0, 2);
        assertThat(BestLayerRange.fit(deeperForwardExample()).accuracy(deeperForwardExample())).isEqualTo(1.0);
        assertThat(WeightedLayers.range("before", 3, 1, 2).accuracy(deeperForwardExample())).isEqualTo(1.0);
    }

    @Test
    void lastAndAllLayersAndPerLayerAccuracy() {
        LayerScores s = deeperForwardExample();
        assertThat(WeightedLayers.lastLayer(3).accuracy(s)).isEqualTo(1.0);
        assertThat(WeightedLayers.allLayers(3).predict(s)).containsExactly(0, 1);
        assertThat(s.layerAccuracies()).containsExactly(0.5, 0.5, 1.0);
    }

    @Test
    void fittedStrategiesAreReadBackFromTheirOwnSavedStateExactly() throws Exception {
        double[] losses = {0.91, 0.4037, Double.POSITIVE_INFINITY, 0.2};
        List<PredictionStrategy> fitted = Strategies.fitted(losses, new int[] {1, 3}, "linear-heads");
        Map<String, JsonNode> states = Strategies.states(fitted);
        assertThat(states).containsOnlyKeys("loss-aware", "best-range"); // the others have no state to save
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> saved = json.readValue(json.writeValueAsString(states), new TypeReference<>() { });
        List<PredictionStrategy> read = Strategies.all(saved, 4, "linear-heads");
        assertThat(read).extracting(PredictionStrategy::name)
                .containsExactlyElementsOf(fitted.stream().map(PredictionStrategy::name).toList());
        for (int i = 0; i < fitted.size(); i++) {
            assertThat(read.get(i)).as(fitted.get(i).name()).usingRecursiveComparison().isEqualTo(fitted.get(i));
        }
        assertThat(((WeightedLayers) read.get(1)).span()).containsExactly(1, 3);
        assertThat(((WeightedLayers) read.get(0)).weights()[2]).isZero(); // the infinite loss came back
    }

    @Test
    void withoutSavedStateNoLayerHasALossAndBestRangeIsEveryLayer() {
        assertThat(((WeightedLayers) Strategies.get("best-range", Map.of(), 3, "none")).span()).containsExactly(0, 2);
        assertThat(((WeightedLayers) Strategies.get("loss-aware", Map.of(), 3, "none")).weights())
                .containsExactly(Double.NaN, Double.NaN, Double.NaN);
    }
}
