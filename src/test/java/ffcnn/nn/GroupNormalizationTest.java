package ffcnn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The normalisation's faster path (in place off the gradient) gives the plain formula's numbers exactly. */
class GroupNormalizationTest {

    /** The plain formula, every step a fresh array. */
    private static NDArray plain(NDArray x, int groups) {
        Shape shape = x.getShape();
        NDArray g = x.reshape(shape.get(0), groups, -1);
        NDArray centred = g.sub(g.mean(new int[] {2}, true));
        NDArray var = centred.mul(centred).mean(new int[] {2}, true);
        return centred.div(var.add(GroupNormalization.EPS).sqrt()).reshape(shape);
    }

    @Test
    void inPlaceOffTheGradientIsExactlyThePlainFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            NDArray x = m.randomNormal(new Shape(4, 6, 5, 5)).mul(3).add(1);
            float[] before = x.toFloatArray();
            for (int groups : new int[] {1, 2, 6}) {
                assertThat(GroupNormalization.apply(x, groups, true).toFloatArray())
                        .containsExactly(plain(x, groups).toFloatArray());
            }
            assertThat(x.toFloatArray()).as("the input is left as it was").containsExactly(before);
        }
    }

    @Test
    void onTheGradientsPathValuesAndGradientsAreThePlainOnes() {
        // the same formula, not in place: autograd needs the centred copy as it was
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            NDArray x = m.randomNormal(new Shape(3, 4, 3, 3));
            NDArray r = m.randomNormal(new Shape(3, 4, 3, 3));
            x.setRequiresGradient(true);
            float[] fast;
            float[] plain;
            float[] fastGrad;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = GroupNormalization.instance(x);
                fast = y.toFloatArray();
                gc.backward(y.mul(r).sum());
            }
            fastGrad = x.getGradient().toFloatArray();
            x.getGradient().subi(x.getGradient());
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = plain(x, 4);
                plain = y.toFloatArray();
                gc.backward(y.mul(r).sum());
            }
            assertThat(fast).containsExactly(plain);
            assertThat(fastGrad).containsExactly(x.getGradient().toFloatArray());
            assertThat(fastGrad).as("a gradient reached the input").isNotEqualTo(new float[fastGrad.length]);
        }
    }
}
