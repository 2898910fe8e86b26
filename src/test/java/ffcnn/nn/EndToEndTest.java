package ffcnn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ffcnn.data.Batch;
import ffcnn.objective.BackpropObjective;
import ffcnn.objective.CawConvObjective;
import ffcnn.objective.Objective;
import ffcnn.train.BatchStep;
import ffcnn.train.LocalStep;
import ffcnn.train.TrainConfig;
import ffcnn.train.Trainer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The backprop baseline's learning unit spans the network, and its memory is what forward-only learning
 * saves: the arrays of one forward-only step are at most half those of a backprop step on ResNet-17.
 */
class EndToEndTest {

    static final TrainConfig TRAIN = new TrainConfig(1, 8, 0.01, 0.001, 0, 0, 1);

    static Network net(NDManager m, Objective objective, String arch, double width, double dropout) {
        Engine.getInstance().setRandomSeed(11);
        return NetworkBuilder.build(new ModelConfig(arch, width, dropout, "instance", "uniform-fan-in", 0,
                "conv-relu-dropout"), objective, 3, 10, m);
    }

    static Batch batch(int size, int side) {
        Random r = new Random(5);
        float[] images = new float[size * 3 * side * side];
        int[] labels = new int[size];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < size; i++) {
            labels[i] = i % 10;
        }
        return new Batch(images, labels, size, 3, side, side);
    }

    @Test
    void firstLayerLearnsFromTheLastLayersLossAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = net(m, new BackpropObjective(0), "tiny-cnn", 0.1, 0);
            assertThat(net.units()).hasSize(1);
            Batch b = batch(4, 16);
            NDArray w0 = net.layers().get(0).learnable().get(0).getArray();
            Network twin = net(m, new BackpropObjective(0), "tiny-cnn", 0.1, 0);
            NDArray twinW0 = twin.layers().get(0).learnable().get(0).getArray();
            // the gradient of the last loss alone, by hand
            float[] expected;
            try (NDManager s = m.newSubManager()) {
                NDArray x = net.prepare(ffcnn.predict.Evaluator.images(s, b));
                NDArray labels = s.create(b.labels());
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray in = x;
                    NDArray y = null;
                    for (int l = 0; l < net.layers().size(); l++) {
                        LocalLayer layer = net.layers().get(l);
                        y = l == 0 ? layer.activations(in, true) : layer.activationsAttached(in, true);
                        in = layer.passOnAttached(y);
                    }
                    gc.backward(net.layers().get(net.layers().size() - 1).loss(y, ffcnn.encoding.Targets.of(labels), 0).total());
                }
                expected = w0.getGradient().toFloatArray();
            }
            assertThat(expected).isNotEqualTo(new float[expected.length]);
            // the training step: every probe loss is added, yet layer 0 gets exactly the same gradient
            float[][] seen = new float[1][];
            LocalStep.Clock twinCapture = phase -> {
                if (phase == 2) {
                    seen[0] = twinW0.getGradient().toFloatArray();
                }
            };
            BatchStep.run(twin, Trainer.optimizers(twin, TRAIN), m, b, 0, 0, 0.01, l -> true, false, false, u -> twinCapture);
            assertThat(seen[0]).containsExactly(expected);
        }
    }

    @Test
    void aForwardOnlyStepHoldsAtMostHalfTheArraysOfABackpropStep() {
        try (NDManager m = NDManager.newBaseManager()) {
            Objective caw = new CawConvObjective(0.1, 1e-2, 1e-3, 50, 10, 0.995, 0.1, 100, 0.5,
                    new double[] {0.94, 0.06, 0.05});
            long[] bytes = new long[2];
            Objective[] objectives = {caw, new BackpropObjective(0)};
            for (int i = 0; i < 2; i++) {
                Network net = net(m, objectives[i], "resnet17", 0.2, 0.1);
                bytes[i] = BatchStep.run(net, Trainer.optimizers(net, TRAIN), m, batch(16, 32), 0, 0, 0.01, l -> true, true, false,
                        BatchStep.Clocks.NONE).peakBytes();
                net.close();
            }
            assertThat(bytes[0]).isPositive();
            assertThat((double) bytes[0] / bytes[1]).as("forward-only / backprop step bytes").isLessThanOrEqualTo(0.5);
        }
    }
}
