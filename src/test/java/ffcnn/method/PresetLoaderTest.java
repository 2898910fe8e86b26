package ffcnn.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import ffcnn.objective.CawConvObjective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetLoaderTest {

    @Test
    void paperPresetsCarryTheSpecsHyperparameters() {
        RunConfig resnet = PresetLoader.load("caw-conv", "cifar10", "paper", List.of());
        assertThat(resnet.model().arch()).isEqualTo("resnet17");
        assertThat(resnet.train().epochs()).isEqualTo(150);
        assertThat(resnet.train().batchSize()).isEqualTo(128);
        assertThat(resnet.train().lr()).isEqualTo(0.08);
        assertThat(resnet.train().lrMin()).isEqualTo(0.006);
        assertThat(resnet.data().validSize()).isEqualTo(1000);
        RunConfig tiny = PresetLoader.load("caw-conv", "fashion-mnist", "tiny", List.of());
        assertThat(tiny.train().lr()).isEqualTo(0.03);
        assertThat(tiny.train().lrMin()).isEqualTo(0.003);
        assertThat(tiny.model().inputSize()).isZero();
        RunConfig mnist = PresetLoader.load("caw-conv", "mnist", "paper", List.of());
        var obj = (CawConvObjective) Methods.get("caw-conv").objective(mnist.objective());
        assertThat(obj.pooling()).containsExactly(0.97, 0.03, 0.03);
        assertThat(mnist.model().inputSize()).isEqualTo(32);
        assertThat(PresetLoader.load("caw-conv", "cifar100", "x3", List.of()).model().width()).isEqualTo(3.0);
    }

    @Test
    void theLoewexPresetCarriesItsOptimiserAndPeerNormalisation() { // specs/baselines.md 3.4, 3.7
        RunConfig c = PresetLoader.load("ff", "mnist", "loewex", List.of());
        assertThat(c.train().optimizer()).isEqualTo("sgd");
        assertThat(c.train().momentum()).isEqualTo(0.9);
        assertThat(c.train().lr()).isEqualTo(1e-3);
        assertThat(c.train().weightDecay()).isEqualTo(3e-4);
        var ff = (ffcnn.objective.FfObjective) Methods.get("ff").objective(c.objective());
        assertThat(ff.peerNormalization()).isEqualTo(0.03);
        assertThat(ff.goodness()).isEqualTo("sum");
        assertThat(c.model().block()).isEqualTo(ffcnn.nn.FfReluUnit.NAME); // ReLU_full_grad
        assertThat(c.data().normalization()).isEqualTo("none"); // ToTensor only
        assertThat(c.train().groups().readout().lr()).isEqualTo(1e-2); // its linear classifier
        assertThat(c.train().groups().readout().weightDecay()).isEqualTo(3e-3);
        assertThat(c.predict().readout()).isEqualTo("neutral-linear");
        // every other preset keeps AdamW and has no peer normalisation
        RunConfig paper = PresetLoader.load("ff", "mnist", "paper", List.of());
        assertThat(paper.train().optimizer()).isEqualTo("adamw");
        assertThat(((ffcnn.objective.FfObjective) Methods.get("ff").objective(paper.objective())).peerNormalization())
                .isZero();
        assertThat(PresetLoader.load("symba", "mnist", "quick", List.of("train.optimizer=sgd", "train.momentum=0.5"))
                .train().momentum()).isEqualTo(0.5);
        assertThat(PresetLoader.load("caw-conv", "mnist", "quick", List.of()).train().optimizer()).isEqualTo("adamw");
    }

    @Test
    void hybridNegativesNeedTheUnsupervisedSetUp() {
        assertThatThrownBy(() -> PresetLoader.load("ff", "mnist", "quick", List.of("encoding.negatives=hybrid")))
                .isInstanceOf(ffcnn.UserInputException.class).hasMessageContaining("encoding.negatives hybrid");
        assertThatThrownBy(() -> PresetLoader.load("ff", "mnist", "quick", List.of("encoding.negatives=hybrid",
                "encoding.kind=identity", "predict.strategy=goodness"))).isInstanceOf(ffcnn.UserInputException.class)
                .hasMessageContaining("predict.strategy neutral-linear");
        RunConfig unsupervised = PresetLoader.load("ff", "mnist", "quick", List.of("encoding.negatives=hybrid",
                "encoding.kind=identity", "predict.strategy=neutral-linear"));
        assertThat(unsupervised.encoding().negatives()).isEqualTo("hybrid");
        assertThat(unsupervised.predict().readout()).isEqualTo("neutral-linear");
        assertThatThrownBy(() -> PresetLoader.load("caw-conv", "mnist", "quick", List.of("encoding.negatives=hybrid")))
                .isInstanceOf(ffcnn.UserInputException.class).hasMessageContaining("suits only the Forward-Forward");
        assertThat(PresetLoader.load("ff-cnn", "mnist", "quick", List.of("encoding.negatives=hardest"))
                .encoding().negatives()).isEqualTo("hardest");
    }

    @Test
    void cafoPaperPresetsTrainOnEveryOfficialTrainingImageAndQuickOnesKeepAValidationSlice() {
        for (String d : List.of("mnist", "fashion-mnist", "cifar10")) {
            assertThat(PresetLoader.load("cafo", d, "paper", List.of()).data().validSize()).as(d).isZero();
            RunConfig quick = PresetLoader.load("cafo", d, "quick", List.of());
            assertThat(quick.data().validSize()).as(d + " quick").isEqualTo(d.equals("cifar10") ? 5000 : 10000);
            assertThat(quick.data().limitValid()).as(d + " quick").isEqualTo(5000);
        }
    }

    @Test
    void fastPresetsTrainTheHalfWidthTinyCnnOnEveryTrainingImagePipelined() { // README, "fast" presets
        for (String d : List.of("fashion-mnist", "mnist")) {
            RunConfig c = PresetLoader.load("caw-conv", d, "fast", List.of());
            assertThat(c.model().arch()).isEqualTo("tiny-cnn");
            assertThat(c.model().width()).isEqualTo(0.5);
            assertThat(c.model().dropout()).isZero();
            assertThat(c.data().validSize()).as("every official training image").isZero();
            assertThat(c.train().pipelined()).isTrue();
            assertThat(c.train().batchSize()).isEqualTo(64);
            assertThat(c.train().epochs()).isEqualTo(d.equals("mnist") ? 3 : 5);
        }
    }

    @Test
    void everyPresetBinds() {
        for (String d : List.of("mnist", "fashion-mnist", "cifar10")) {
            for (String p : List.of("paper", "quick")) {
                assertThat(PresetLoader.load("cwcomp", d, p, List.of()).model().arch()).isEqualTo("cwcomp-cnn");
            }
        }
        for (String method : List.of("caw-conv", "deeperforward", "backprop")) {
            for (String d : List.of("mnist", "fashion-mnist", "cifar10")) {
                for (String p : List.of("paper", "quick", "tiny", "vgg")) {
                    assertThat(PresetLoader.load(method, d, p, List.of()).method()).isEqualTo(method);
                }
            }
            for (String p : List.of("paper", "quick", "x3")) {
                assertThat(PresetLoader.load(method, "cifar100", p, List.of()).data().dataset()).isEqualTo("cifar100");
            }
        }
        // the Forward-Forward family: every preset binds and its label design fits its dataset's images
        for (String method : List.of("ff", "symba", "ff-cnn")) {
            for (String d : List.of("mnist", "fashion-mnist", "cifar10")) {
                for (String p : List.of("paper", "quick")) {
                    RunConfig c = PresetLoader.load(method, d, p, List.of());
                    int side = d.equals("cifar10") ? 32 : 28;
                    assertThat(ffcnn.encoding.Encoder.create(c.encoding(), 10, side == 32 ? 3 : 1, side, side)
                            .labelInInput()).as(method + " " + d + " " + p).isTrue();
                }
            }
        }
        for (String p : List.of("paper", "quick")) {
            RunConfig c = PresetLoader.load("ff-cnn", "cifar100", p, List.of());
            assertThat(ffcnn.encoding.Encoder.create(c.encoding(), 100, 3, 32, 32).labelInInput()).isTrue();
        }
    }

    @Test
    void asgePresetsFollowItsCode() { // specs/asge.md 4, 10
        for (String d : List.of("mnist", "fashion-mnist", "cifar10", "cifar100")) {
            for (String p : List.of("paper", "quick")) {
                RunConfig c = PresetLoader.load("asge", d, p, List.of());
                assertThat(c.model().arch()).as(d).isEqualTo(d.equals("cifar100") ? "vgg11" : "vgg8");
                assertThat(c.model().inputSize()).isEqualTo(32);
                assertThat(c.model().dropout()).isEqualTo(0.1);
                assertThat(c.model().init()).isEqualTo("normal-fan-in");
                assertThat(c.encoding().inputNorm()).isEqualTo("rms");
                assertThat(c.data().normalization()).as("pixels in [0, 1], no mean/std").isEqualTo("none");
                assertThat(c.train().lr()).isEqualTo(p.equals("paper") ? 2e-4 : 3e-3);
                assertThat(c.train().lrMin()).isEqualTo(1e-5);
                assertThat(c.train().weightDecay()).isEqualTo(1e-3);
                assertThat(c.predict().strategy()).isEqualTo("goodness");
                assertThat(c.model().width()).as(d + " " + p)
                        .isEqualTo(p.equals("paper") ? 1.0 : d.equals("fashion-mnist") ? 0.25 : 0.125);
                assertThat(c.train().epochs()).isEqualTo(p.equals("paper") ? 100 : 2);
                assertThat(c.train().batchSize()).isEqualTo(p.equals("paper") ? 128 : 32);
            }
        }
    }

    @Test
    void asgeScalesToTinyImageNetImageNetAndFolders() { // specs/asge.md 11: the ImageNet set-up is an assumption
        RunConfig in = PresetLoader.load("asge", "imagenet", "paper", List.of());
        assertThat(in.data().dataset()).isEqualTo("imagenet");
        assertThat(in.data().augment()).isTrue();
        assertThat(in.data().normalization()).isEqualTo("none");
        assertThat(in.model().arch()).isEqualTo("vgg11");
        assertThat(in.model().inputSize()).isEqualTo(64);
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager();
                ffcnn.nn.Network net = ffcnn.nn.NetworkBuilder.build(in.model(),
                        Methods.get("asge").objective(in.objective()), in.encoding(), 3, 1000, m)) {
            assertThat(net.layers().get(0).spec().outChannels()).as("starts at 64 channels").isEqualTo(64);
            assertThat(net.classes()).isEqualTo(1000);
        }
        RunConfig tiny = PresetLoader.load("asge", "tiny-imagenet", "paper", List.of());
        assertThat(tiny.model().inputSize()).isEqualTo(64);
        assertThat(tiny.data().augment()).isTrue();
        for (String p : List.of("folder", "folder-quick")) {
            assertThat(PresetLoader.load("asge", "folder:x", p, List.of()).data().dataset()).isEqualTo("folder:x");
        }
    }

    @Test
    void cwcompAndBackpropPresetsFollowTheirCode() {
        RunConfig cwc = PresetLoader.load("cwcomp", "fashion-mnist", "paper", List.of());
        assertThat(cwc.model().block()).isEqualTo("dropout-conv-relu-bn");
        assertThat(cwc.model().outputNorm()).isEqualTo("none");
        assertThat(List.of(cwc.train().epochs(), cwc.train().batchSize())).containsExactly(20, 128);
        assertThat(cwc.train().lr()).isEqualTo(0.01).isEqualTo(cwc.train().lrMin());
        assertThat(cwc.train().weightDecay()).isZero();
        // the published figures are the official code's softmax read-out's (ReadOutAndGroupsTest)
        assertThat(cwc.predict().strategy()).isEqualTo("softmax-linear");
        assertThat(cwc.train().layerEpochs()).containsExactly(List.of(0, 10), List.of(0, 15), List.of(0, 19),
                List.of(0, 23));
        assertThat(PresetLoader.load("cwcomp", "mnist", "paper", List.of()).train().learns(0, 2)).isFalse();
        // the official input: its own normalisation constants, no normalisation layer (specs/baselines.md 6)
        assertThat(cwc.encoding().inputNorm()).isEqualTo("none");
        assertThat(cwc.data().normalization()).isEqualTo("0.5/0.5");
        assertThat(PresetLoader.load("cwcomp", "cifar10", "paper", List.of()).data().normalization())
                .isEqualTo("imagenet");
        assertThat(PresetLoader.load("cwcomp", "mnist", "paper", List.of()).data().normalization())
                .isEqualTo("dataset");
        RunConfig quick = PresetLoader.load("cwcomp", "fashion-mnist", "quick", List.of());
        assertThat(quick.encoding()).as("the quick presets normalise each input")
                .isEqualTo(ffcnn.encoding.EncodingConfig.IDENTITY);
        RunConfig bp = PresetLoader.load("backprop", "cifar10", "paper", List.of());
        RunConfig caw = PresetLoader.load("caw-conv", "cifar10", "paper", List.of());
        assertThat(bp.model()).isEqualTo(caw.model());
        assertThat(bp.data()).isEqualTo(caw.data());
        assertThat(PresetLoader.load("backprop", "fashion-mnist", "quick", List.of()).model())
                .isEqualTo(PresetLoader.load("caw-conv", "fashion-mnist", "quick", List.of()).model());
    }

    @Test
    void deeperForwardPresetsFollowItsCode() {
        RunConfig df = PresetLoader.load("deeperforward", "cifar10", "paper", List.of());
        assertThat(df.data().validSize()).isEqualTo(5000);
        assertThat(df.model().outputNorm()).isEqualTo("group");
        assertThat(df.model().init()).isEqualTo("normal-fan-out");
        assertThat(df.model().dropout()).isEqualTo(0.2);
        assertThat(df.train().lrMin()).isEqualTo(0.008);
        assertThat(df.train().gradClip()).isZero();
        assertThat(df.predict().strategy()).isEqualTo("best-range");
        assertThat(PresetLoader.load("deeperforward", "mnist", "tiny", List.of()).model().inputSize()).isEqualTo(32);
        assertThat(PresetLoader.load("deeperforward", "mnist", "tiny", List.of()).train().weightDecay()).isEqualTo(0.01);
        assertThat(PresetLoader.load("deeperforward", "mnist", "vgg", List.of()).model().arch()).isEqualTo("vgg14");
    }

    @Test
    void overridesReachAnyKey() {
        RunConfig c = PresetLoader.load("caw-conv", "fashion-mnist", "quick",
                List.of("objective.entropy_weight=0.02", "train.epochs=5", "objective.pooling=[1, 0, 0]"));
        assertThat(c.train().epochs()).isEqualTo(5);
        assertThat(c.objective().get("entropy_weight").asDouble()).isEqualTo(0.02);
    }

    @Test
    void unknownKeysAndBadValuesAreUserErrors() {
        assertThatThrownBy(() -> PresetLoader.load("caw-conv", "mnist", "quick", List.of("train.epoch=3")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unknown preset key 'train.epoch'");
        assertThatThrownBy(() -> PresetLoader.load("caw-conv", "mnist", "quick", List.of("train.epochs=zero")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("epochs");
        assertThatThrownBy(() -> PresetLoader.load("caw-conv", "mnist", "quick", List.of("train.epochs=0")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("epochs");
        assertThatThrownBy(() -> PresetLoader.load("caw-conv", "mnist", "quick", List.of("noequals")))
                .isInstanceOf(UserInputException.class);
    }

    @Test
    void presetFilesWithUnknownKeysNameTheKey(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("mine.yaml"), "base: mnist-quick\nmodel: {depth: 3}\n");
        assertThatThrownBy(() -> PresetLoader.load("caw-conv", "mnist", f.toString(), List.of()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unknown preset key 'depth'");
        Path ok = Files.writeString(dir.resolve("ok.yaml"), "base: mnist-quick\ntrain: {epochs: 4}\n");
        assertThat(PresetLoader.load("caw-conv", "mnist", ok.toString(), List.of()).train().epochs()).isEqualTo(4);
    }

    @Test
    void savedConfigReadsBackEqual(@TempDir Path dir) throws Exception {
        RunConfig c = PresetLoader.load("caw-conv", "cifar10", "paper", List.of());
        Path f = Files.writeString(dir.resolve("config.yaml"), PresetLoader.toYaml(c));
        assertThat(PresetLoader.read(f).toString()).isEqualTo(c.toString());
    }

    @Test
    void anEncodingMustSuitTheMethod() {
        assertThatThrownBy(() -> PresetLoader.load("ff", "mnist", "quick", List.of("encoding.kind=identity")))
                .isInstanceOf(ffcnn.UserInputException.class).hasMessageContaining("encoding.kind identity")
                .hasMessageContaining("label in the input");
        assertThatThrownBy(() -> PresetLoader.load("caw-conv", "mnist", "quick", List.of("encoding.kind=fourier")))
                .isInstanceOf(ffcnn.UserInputException.class).hasMessageContaining("encoding.kind fourier");
        assertThatThrownBy(() -> PresetLoader.load("ff-cnn", "mnist", "quick", List.of("encoding.kind=braille")))
                .isInstanceOf(ffcnn.UserInputException.class).hasMessageContaining("encoding.kind");
        assertThat(PresetLoader.load("caw-conv", "mnist", "quick", List.of()).encoding())
                .isEqualTo(ffcnn.encoding.EncodingConfig.IDENTITY);
    }
}
