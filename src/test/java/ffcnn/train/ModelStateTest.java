package ffcnn.train;

import static org.assertj.core.api.Assertions.assertThat;

import ffcnn.predict.PredictionStrategy;
import ffcnn.predict.Strategies;
import ffcnn.predict.WeightedLayers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model state in a model file's header: each fitted strategy's own state, and the older layout. */
class ModelStateTest {

    @Test
    void savedStateRoundTripsThroughTheHeaderJson() throws Exception {
        List<PredictionStrategy> fitted = Strategies.fitted(new double[] {0.5, 0.25, 0.125}, new int[] {1, 2}, "none");
        ModelState state = new ModelState(4, Strategies.states(fitted), "best-range", List.of("a", "b"));
        String json = ModelFile.JSON.writeValueAsString(state);
        assertThat(json).contains("\"strategies\":{\"loss-aware\":{\"layer_losses\":[0.5,0.25,0.125]},"
                + "\"best-range\":{\"range\":[1,2]}}").doesNotContain("best_range");
        ModelState read = ModelFile.JSON.readValue(json, ModelState.class);
        assertThat(read.epoch()).isEqualTo(4);
        assertThat(read.strategy()).isEqualTo("best-range");
        assertThat(read.classNames()).containsExactly("a", "b");
        assertThat(read.strategies()).isEqualTo(state.strategies());
    }

    @Test
    void modelFilesWithLayerLossesAndBestRangeStillLoad() throws Exception {
        String old = "{\"epoch\":2,\"layer_losses\":[1.0,2.0,\"Infinity\"],\"best_range\":[0,1],"
                + "\"strategy\":\"loss-aware\",\"class_names\":[\"x\",\"y\"]}";
        ModelState read = ModelFile.JSON.readValue(old, ModelState.class);
        assertThat(read.epoch()).isEqualTo(2);
        assertThat(read.classNames()).containsExactly("x", "y");
        var lossAware = (WeightedLayers) Strategies.get("loss-aware", read.strategies(), 3, "none");
        assertThat(lossAware.weights()).containsExactly(
                WeightedLayers.lossAware(new double[] {1, 2, Double.POSITIVE_INFINITY}).weights());
        assertThat(((WeightedLayers) Strategies.get("best-range", read.strategies(), 3, "none")).span())
                .containsExactly(0, 1);
    }
}
