package ffcnn.method;

import static org.assertj.core.api.Assertions.assertThat;

import ffcnn.testing.RealData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Forward-Forward family learns for real, with the label in the input and prediction by trying every label
 * (chance is 10 %). Each runs its quick preset on the first 10,000 training images and is scored on the first
 * 2,000 test images. Measured on this project's 2-core machine: ff on MNIST (2 epochs) 86.6 % with the linear
 * classifier on the neutral input, 85.3 % with the best layer range (its quick preset's strategy, which leads on all of
 * MNIST: 92.26 % against 89.92 %), 81.3 % by goodness, with one engine thread and with two; symba on MNIST
 * (2 epochs) 86.1 %, ff-cnn on Fashion-MNIST (1 epoch) with Fourier labels 68.6 %, with morphological labels 33.1 %.
 * The 75 % for ff-cnn is not reached by goodness with any setting tried (learning rate, label amplitude,
 * hardest negatives, longer morphological lines: 59-69 % and 24-34 %, README); with one engine thread the same runs
 * give 65.75 % and 34.3 %, so the bars leave room for the thread count's effect on summation order. The paper's
 * other route, the linear classifier on the neutral input (a read-out trained beside the layers, which it leaves
 * as they are; the quick preset's default strategy), reaches the 75 %: 83.75 % (Fourier) and 82.25 %
 * (morphological) with one engine thread.
 */
@Tag("learning")
class ForwardForwardLearningTest {

    static RunSummary quick(String method, String dataset, Path dir, String... extra) {
        if (!dataset.equals("fashion-mnist")) {
            ffcnn.testing.RealData.require(dataset);
        }
        List<String> overrides = new java.util.ArrayList<>(List.of("data.limit_train=10000", "data.limit_valid=1000",
                "data.limit_test=2000"));
        overrides.addAll(List.of(extra));
        return TrainingRun.start(PresetLoader.load(method, dataset, "quick", overrides), dir, null, List.of());
    }

    @Test
    void ffLearnsMnist(@TempDir Path dir) {
        RunSummary s = quick("ff", "mnist", dir);
        assertThat(s.strategy()).isEqualTo("best-range");
        assertThat(s.testAccuracyByStrategy().get("neutral-linear")).as("ff, linear classifier")
                .isGreaterThanOrEqualTo(0.85);
        assertThat(s.testAccuracy()).as("ff, best layer range (the preset's strategy)").isGreaterThanOrEqualTo(0.83);
        assertThat(s.testAccuracyByStrategy().get("goodness")).as("goodness of layers 2-4").isGreaterThan(0.6);
    }

    /**
     * loeweX's setup (SGD, peer normalisation, summed goodness, RMS-normalised outputs) learns in every layer, the
     * deeper ones included. Measured on 10,000 images in 3 epochs, one engine thread: goodness 75-82 %, layers
     * 67-83 % each, the linear classifier 85-87.5 % (its 100-epoch schedule is far from done).
     */
    @Test
    void loewexSetupLearnsMnistInEveryLayer(@TempDir Path dir) {
        ffcnn.testing.RealData.require("mnist");
        RunSummary s = TrainingRun.start(PresetLoader.load("ff", "mnist", "loewex", List.of("data.limit_train=10000",
                "data.limit_valid=1000", "data.limit_test=2000", "train.epochs=3")), dir, null, List.of());
        assertThat(s.perLayerTestAccuracy()).as("every layer, goodness of its own").allSatisfy(a ->
                assertThat(a).isGreaterThan(0.5));
        assertThat(s.testAccuracyByStrategy().get("goodness")).as("goodness of layers 2-4").isGreaterThan(0.65);
        assertThat(s.testAccuracyByStrategy().get("neutral-linear")).as("linear classifier").isGreaterThan(0.8);
    }

    /**
     * Unsupervised Forward-Forward (Hinton's hybrid images as negatives, no label anywhere in the input): every layer
     * learns to tell real images from hybrids, and the linear classifier on the neutral input reads classes from the
     * layers. Measured on 10,000 images in 2 epochs, one engine thread: real-vs-hybrid 86.3, 72.8, 64.1, 59.4 % in
     * the first epoch, the classifier 78.15 % (on the untrained layers, `train.groups.body.trainable=false`, it gets
     * 90.7 %: on this budget the learnt features are worse than random ones, README "Forward-Forward options").
     */
    @Test
    void unsupervisedFfTellsRealImagesFromHybrids(@TempDir Path dir) throws Exception {
        RunSummary s = quick("ff", "mnist", dir, "encoding.kind=identity", "encoding.negatives=hybrid",
                "predict.strategy=neutral-linear");
        assertThat(s.strategy()).isEqualTo("neutral-linear");
        assertThat(s.testAccuracy()).as("linear classifier").isGreaterThan(0.6);
        assertThat(s.perLayerTestAccuracy()).as("the layers name no class").allSatisfy(a ->
                assertThat(a).isLessThan(0.2));
        var first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Files.readAllLines(
                dir.resolve("metrics.jsonl")).get(0));
        for (var layer : first.get("layers")) {
            assertThat(layer.get("train_accuracy").asDouble()).as("layer %s, real over hybrid", layer.get("layer"))
                    .isGreaterThan(0.55);
        }
        assertThat(first.get("layers").get(0).get("train_accuracy").asDouble()).isGreaterThan(0.75);
    }

    @Test
    void symbaLearnsMnist(@TempDir Path dir) {
        RunSummary s = quick("symba", "mnist", dir);
        assertThat(s.testAccuracy()).as("symba test accuracy").isGreaterThanOrEqualTo(0.80);
    }

    @Tag(RealData.FASHION_MNIST)
    @ParameterizedTest
    @ValueSource(strings = {"fourier", "morphological"})
    void ffCnnLearnsFashionMnistWithSpatialLabels(String kind, @TempDir Path dir) {
        RunSummary s = quick("ff-cnn", "fashion-mnist", dir, "encoding.kind=" + kind);
        assertThat(s.strategy()).isEqualTo("neutral-linear");
        assertThat(s.testAccuracy()).as(kind + " labels, linear classifier").isGreaterThanOrEqualTo(0.75);
        assertThat(s.testAccuracyByStrategy().get("goodness")).as(kind + " labels, goodness")
                .isGreaterThanOrEqualTo(kind.equals("fourier") ? 0.6 : 0.28);
    }
}
