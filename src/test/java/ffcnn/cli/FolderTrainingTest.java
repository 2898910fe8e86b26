package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ffcnn.data.ImageTrees;
import ffcnn.report.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ffcnn train --dataset folder:DIR} end to end on a tiny tree, and its input errors. */
class FolderTrainingTest extends CommandLineTest {

    @TempDir
    Path dir;

    /** One epoch of CAW-Conv's folder-quick preset at width 0.1 on {@code tree} into {@code run}, plus {@code extra}. */
    private int trainQuick(Path tree, Path run, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--method", "caw-conv", "--dataset",
                "folder:" + tree, "--preset", "folder-quick", "--set", "model.width=0.1", "--epochs", "1", "--quiet",
                "--out", run.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void trainsOnAFolderTreeEndToEnd() throws Exception {
        Path tree = ImageTrees.tree(dir.resolve("shapes"), List.of("train", "test"), List.of("dark", "light"),
                8, 20, true);
        Path run = dir.resolve("run");
        assertThat(trainQuick(tree, run)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("test accuracy");
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("dataset: folder:" + tree);
        writers();
        assertThat(run("eval", "--model", run.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("16 images");
    }

    @Test
    void skippedImagesReachSummaryReportAndEval() throws Exception {
        Path tree = ImageTrees.tree(dir.resolve("t"), List.of("train", "test"), List.of("a", "b"), 4, 8, true);
        Files.writeString(tree.resolve("test/b/b_1.png"), "broken");
        Path run = dir.resolve("run");
        assertThat(trainQuick(tree, run, "--set", "data.skip_corrupt=true")).as(err.toString()).isZero();
        JsonNode summary = JsonFiles.mapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("skipped_images").asInt(-1)).isEqualTo(1);
        JsonNode perSplit = summary.path("skipped_images_per_split");
        assertThat(List.of(perSplit.path("train").asInt(-1), perSplit.path("valid").asInt(-1),
                perSplit.path("test").asInt(-1))).containsExactly(0, 0, 1);
        assertThat(Files.readString(run.resolve("report.html"))).contains("skipped images</th><td>1<");
        writers();
        assertThat(run("eval", "--model", run.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("test, 7 images (1 skipped: could not be decoded)");
    }

    @Test
    void summaryHasNoSkippedImagesWithoutSkipCorrupt() throws Exception {
        Path tree = ImageTrees.tree(dir.resolve("t"), List.of("train", "test"), List.of("a", "b"), 2, 8, true);
        Path run = dir.resolve("run");
        assertThat(trainQuick(tree, run)).as(err.toString()).isZero();
        assertThat(Files.readString(run.resolve("summary.json"))).doesNotContain("skipped");
    }

    @Test
    void benchDataTimesThePipelineNextToTheStep() {
        Path tree = ImageTrees.tree(dir.resolve("shapes"), List.of("train", "test"), List.of("dark", "light"),
                8, 20, true);
        int code = run("bench", "data", "--method", "asge", "--dataset", "folder:" + tree, "--preset", "folder-quick",
                "--batches", "2", "--batch-size", "4", "--quiet");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("asge, preset folder-quick", "batch 4", "data pipeline: ",
                "training step: ").containsPattern("bottleneck: (data|model)");
        writers();
        assertThat(run("bench", "data", "--dataset", "folder:" + tree, "--batches", "0")).isEqualTo(2);
        assertOneErrorLine("--batches must be >= 1");
    }

    @Test
    void augmentIsAnOptionalKeyWrittenOnlyWhenOn() {
        String plain = ffcnn.method.PresetLoader.toYaml(ffcnn.method.PresetLoader.load("caw-conv", "fashion-mnist",
                "quick", List.of()));
        assertThat(plain).doesNotContain("augment").doesNotContain("skip_corrupt");
        String on = ffcnn.method.PresetLoader.toYaml(ffcnn.method.PresetLoader.load("caw-conv", "folder:x",
                "folder-quick", List.of("data.augment=true", "data.skip_corrupt=true")));
        assertThat(on).contains("augment: true", "skip_corrupt: true", "dataset: folder:x");
        assertThat(ffcnn.method.PresetLoader.load("caw-conv", "tiny-imagenet", "paper", List.of()).data().augment())
                .isTrue();
    }

    @Test
    void corruptImageExitsTwoNamingTheFile() throws Exception {
        Path tree = ImageTrees.tree(dir.resolve("t"), List.of("train", "test"), List.of("a", "b"), 3, 8, false);
        Files.writeString(tree.resolve("train/b/b_1.png"), "broken");
        assertThat(trainQuick(tree, dir.resolve("run"))).isEqualTo(2);
        assertOneErrorLine("b_1.png");
    }

    @Test
    void classCountThatDoesNotDivideTheWidthsExitsTwo() {
        Path tree = ImageTrees.tree(dir.resolve("t"), List.of("train", "test"), List.of("a", "b", "c"), 2, 8, true);
        assertThat(trainQuick(tree, dir.resolve("run"))).isEqualTo(2);
        assertOneErrorLine("not a multiple of 3 classes", "model.width");
    }

    @Test
    void treeWithoutTrainExitsTwo() {
        ImageTrees.tree(dir.resolve("t"), List.of("test"), List.of("a"), 1, 8, false);
        int code = run("train", "--dataset", "folder:" + dir.resolve("t"), "--preset", "folder-quick", "--quiet",
                "--out", dir.resolve("run").toString());
        assertThat(code).isEqualTo(2);
        assertOneErrorLine("no train/ folder");
    }

    @Test
    void datasetsListsFolderTreesUnderTheDataDir() {
        ImageTrees.tree(dir.resolve("flowers"), List.of("train", "val"), List.of("a"), 1, 8, false);
        assertThat(run("datasets", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("folder:" + dir.resolve("flowers"));
        assertThat(err.toString()).isEmpty();
    }
}
