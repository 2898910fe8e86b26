package ffcnn.objective;

import ffcnn.testing.Contexts;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ffcnn.nn.LocalLoss;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The test oracles of specs/deeperforward.md section 15 (O1, O2, O4, O5). */
class DeeperForwardObjectiveTest {

    static final DeeperForwardObjective DF = new DeeperForwardObjective(0);

    @Test
    void classScoresAreChannelGroupMeans() { // O1, O2
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.create(new float[] {1, 3, 5, 7}, new Shape(1, 4, 1, 1));
            assertThat(DF.head(Contexts.of(4, 2)).scores(y, 0).toFloatArray()).containsExactly(2f, 6f);
            NDArray constant = m.full(new Shape(2, 20, 3, 3), 1.5f);
            for (float v : DF.head(Contexts.of(20, 10)).scores(constant, 0).toFloatArray()) {
                assertThat(v).isCloseTo(1.5f, within(1e-6f));
            }
        }
    }

    @Test
    void lossIsPlainCrossEntropyOfTheGroupMeans() { // O4, O5
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.create(new float[] {1, 3, 5, 7}, new Shape(1, 4, 1, 1));
            LocalLoss loss = DF.head(Contexts.of(4, 2)).loss(y, ffcnn.encoding.Targets.of(m.create(new int[] {1})), 0);
            assertThat(loss.total().getFloat()).isCloseTo(0.0181499f, within(1e-6f));
            assertThat(loss.taskLoss().getFloat()).isEqualTo(loss.total().getFloat());
            NDArray flat = m.full(new Shape(3, 100, 2, 2), 0.2f);
            assertThat(DF.head(Contexts.of(100, 10)).loss(flat, ffcnn.encoding.Targets.of(m.create(new int[] {0, 4, 9})), 0).total().getFloat())
                    .isCloseTo(2.3025851f, within(1e-6f));
            NDArray flat100 = m.full(new Shape(1, 100, 2, 2), 0.2f);
            assertThat(DF.head(Contexts.of(100, 100)).loss(flat100, ffcnn.encoding.Targets.of(m.create(new int[] {42})), 0).total().getFloat())
                    .isCloseTo(4.6051702f, within(1e-5f));
        }
    }

    @Test
    void rejectsWidthsThatDoNotSplitIntoClassGroups() {
        assertThatThrownBy(() -> DF.head(Contexts.of(70, 100))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70 channels");
        assertThat(DF.head(Contexts.of(100, 10)).getParameters().isEmpty()).isTrue();
    }
}
