package ffcnn.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
