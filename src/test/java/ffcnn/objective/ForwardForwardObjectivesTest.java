package ffcnn.objective;

import ffcnn.testing.Contexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ffcnn.encoding.Targets;
import ffcnn.nn.LocalLoss;
import org.junit.jupiter.api.Test;

/** FF's and SymBa's losses against hand-computed values; the goodness head's scores and its accuracy. */
class ForwardForwardObjectivesTest {

    static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    /** Two images, one positive and one negative each: y rows [pos0, pos1, neg0, neg1], 2 units of 1 x 1. */
    static LocalLoss loss(Objective o, NDManager m) {
        NDArray y = m.create(new float[] {1, 1, 2, 0, 0.5f, 0.5f, 3, 1}, new Shape(4, 2, 1, 1));
        Targets t = new Targets(m.create(new int[] {0, 1, 5, 7}), m.create(new float[] {1, 1, 0, 0}));
        return o.head(Contexts.of(2, 10)).loss(y, t, 0);
    }

    @Test
    void ffIsBceOfGoodnessMinusThresholdOverPositivesAndNegatives() {
        try (NDManager m = NDManager.newBaseManager()) {
            // summed goodness: pos 2, 4; neg 0.5, 10; theta = 1.5 per unit * 2 units = 3
            double expected = (softplus(3 - 2) + softplus(3 - 4) + softplus(0.5 - 3) + softplus(10 - 3)) / 4;
            LocalLoss l = loss(new FfObjective("sum", 1.5), m);
            assertThat(l.total().getFloat()).isCloseTo((float) expected, org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(l.correct().getLong()).as("images whose positive beats its negative").isEqualTo(1);
            // mean goodness: pos 1, 2; neg 0.25, 5; theta 1.5
            double mean = (softplus(0.5) + softplus(-0.5) + softplus(-1.25) + softplus(3.5)) / 4;
            assertThat(loss(new FfObjective("mean", 1.5), m).total().getFloat())
                    .isCloseTo((float) mean, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void symbaIsSoftplusOfTheScaledGapPerPair() {
        try (NDManager m = NDManager.newBaseManager()) {
            // mean goodness: gaps 1 - 0.25 = 0.75 and 2 - 5 = -3
            double expected = (softplus(-4 * 0.75) + softplus(-4 * -3.0)) / 2;
            assertThat(loss(new SymbaObjective("mean", 4), m).total().getFloat())
                    .isCloseTo((float) expected, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    /**
     * loeweX's peer normalisation: positives' unit activities [1.5, 0.5] (units 0 and 1 of pos0 = [1, 1] and pos1 =
     * [2, 0]); r = 0.9 * 0.5 + 0.1 * activity = [0.6, 0.5], mean 0.55, term mean((0.55 - r)^2) = 0.0025; the next
     * batch moves r on to [0.69, 0.5]: mean 0.595, term 0.095^2 = 0.009025.
     */
    @Test
    void peerNormalisationPullsEachUnitsRunningActivityToTheLayerMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            Objective ff = new FfObjective("sum", 1.5, 2.0);
            var head = ff.head(ffcnn.testing.Contexts.of(2, 10));
            head.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 2, 1, 1));
            NDArray y = m.create(new float[] {1, 1, 2, 0, 0.5f, 0.5f, 3, 1}, new Shape(4, 2, 1, 1));
            Targets t = new Targets(m.create(new int[] {0, 1, 5, 7}), m.create(new float[] {1, 1, 0, 0}));
            LocalLoss first = head.loss(y, t, 0);
            assertThat(first.taskLoss().getFloat()).isCloseTo(loss(new FfObjective("sum", 1.5), m).total().getFloat(),
                    org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(first.total().getFloat() - first.taskLoss().getFloat())
                    .isCloseTo(2.0f * 0.0025f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(((GoodnessHead) head).peerMeans().toFloatArray())
                    .containsExactly(new float[] {0.6f, 0.5f}, org.assertj.core.data.Offset.offset(1e-6f));
            LocalLoss second = head.loss(y, t, 0);
            assertThat(second.total().getFloat() - second.taskLoss().getFloat())
                    .isCloseTo(2.0f * 0.009025f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(head.getParameters().size()).as("the running means, saved with the model").isEqualTo(1);
            assertThat(new FfObjective("sum", 1.5).head(ffcnn.testing.Contexts.of(2, 10)).getParameters().size()).as("without it").isZero();
        }
    }

    @Test
    void peerNormalisationTrainsOnlyThroughThisBatchsActivity() {
        try (NDManager m = NDManager.newBaseManager()) {
            var head = new SymbaObjective("sum", 4, 1.0).head(ffcnn.testing.Contexts.of(2, 10));
            head.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 2, 1, 1));
            NDArray y = m.create(new float[] {1, 1, 2, 0, 0.5f, 0.5f, 3, 1}, new Shape(4, 2, 1, 1));
            y.setRequiresGradient(true);
            Targets t = new Targets(m.create(new int[] {0, 1, 5, 7}), m.create(new float[] {1, 1, 0, 0}));
            NDArray withPeer;
            try (var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                LocalLoss l = head.loss(y, t, 0);
                gc.backward(l.total().sub(l.taskLoss()));
            }
            withPeer = y.getGradient().duplicate();
            // d term / d r_0 = (2 / C) (r_0 - mean r) = 0.05; d r_0 / d y[b, 0] = 0.1 / B = 0.05 (positives only)
            assertThat(withPeer.toFloatArray()).containsExactly(new float[] {0.0025f, -0.0025f, 0.0025f, -0.0025f,
                    0, 0, 0, 0}, org.assertj.core.data.Offset.offset(1e-7f));
            assertThat(head.getParameters().get(0).getValue().requiresGradient()).isFalse();
        }
    }

    @Test
    void theScoreOfAnInputIsItsGoodness() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2, 1, 1));
            assertThat(new FfObjective("sum", 1).head(Contexts.of(2, 10)).scores(y, 0).toFloatArray()).containsExactly(5, 25);
            assertThat(new FfObjective("sum", 1).head(Contexts.of(2, 10)).scores(y, 0).getShape()).isEqualTo(new Shape(2, 1));
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new FfObjective("max", 1)).hasMessageContaining("objective.goodness");
        assertThatThrownBy(() -> new FfObjective("sum", Double.NaN)).hasMessageContaining("objective.threshold");
        assertThatThrownBy(() -> new SymbaObjective("mean", 0)).hasMessageContaining("objective.alpha");
        assertThatThrownBy(() -> new FfObjective("sum", 1, -0.1)).hasMessageContaining("objective.peer_normalization");
    }
}
