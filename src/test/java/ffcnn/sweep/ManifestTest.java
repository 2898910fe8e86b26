package ffcnn.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec expands into a stable, checksummed manifest; bad specs and edited manifests are refused. */
class ManifestTest {

    private static final String GRID = """
            methods: [caw-conv, deeperforward]
            datasets: [fashion-mnist]
            seeds: [1, 2]
            set: {model.width: [0.2, 0.5], train.lr: 0.01}
            limits: {epochs: 1, train: 256}
            """;

    static SweepSpec spec(String yaml) throws IOException {
        JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        return SweepSpec.parse(node, "spec.yaml");
    }

    @Test
    void gridExpandsMethodsThenSettingsThenSeedsWithStableIndexes() throws IOException {
        List<SweepEntry> entries = Manifest.expand(spec(GRID));
        assertThat(entries).hasSize(2 * 2 * 2);
        assertThat(entries).extracting(SweepEntry::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(entries).allSatisfy(e -> assertThat(e.of()).isEqualTo(8));
        assertThat(entries.get(0).method()).isEqualTo("caw-conv");
        assertThat(entries.get(4).method()).isEqualTo("deeperforward");
        assertThat(entries).extracting(SweepEntry::seed).containsExactly(1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L);
        assertThat(entries.get(1).set()).containsEntry("model.width", "0.2").containsEntry("train.lr", "0.01")
                .containsEntry("train.epochs", "1").containsEntry("data.limit_train", "256");
        assertThat(entries.get(2).set()).containsEntry("model.width", "0.5");
        assertThat(entries.get(3).overrides()).endsWith("train.seed=2");
        assertThat(entries.get(0).setting()).isEqualTo(entries.get(1).setting()).isNotEqualTo(entries.get(2).setting());
        assertThat(entries.stream().map(SweepEntry::dir).distinct()).hasSize(8);
        assertThat(Manifest.expand(spec(GRID))).isEqualTo(entries);
        assertThat(entries.stream().map(SweepEntry::checksum).distinct()).hasSize(8);
    }

    @Test
    void seedCountStartsAtThePresetsOwnSeed() throws IOException {
        List<SweepEntry> entries = Manifest.expand(spec("methods: [cwcomp]\nseeds: 3\n"));
        long own = ffcnn.method.PresetLoader.load("cwcomp", "fashion-mnist", "quick", List.of()).train().seed();
        assertThat(entries).extracting(SweepEntry::seed).containsExactly(own, own + 1, own + 2);
    }

    @Test
    void manifestRoundTripsAndAnEditedLineIsDetected(@TempDir Path dir) throws IOException {
        List<SweepEntry> entries = Manifest.expand(spec(GRID));
        Path file = Manifest.create(dir, entries);
        assertThat(Manifest.read(file)).isEqualTo(entries);
        assertThat(Manifest.create(dir, entries)).isEqualTo(file);

        List<String> lines = Files.readAllLines(file);
        lines.set(3, lines.get(3).replace("\"model.width\":\"0.5\"", "\"model.width\":\"0.9\""));
        Files.write(file, lines);
        assertThatThrownBy(() -> Manifest.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("line 4 was edited");
        Files.write(file, lines.subList(0, 7));
        assertThatThrownBy(() -> Manifest.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("line 1 was edited");
    }

    @Test
    void moreSeedsGrowTheManifestAndKeepTheRunsAlreadyThere(@TempDir Path dir) throws IOException {
        List<SweepEntry> one = Manifest.expand(spec("methods: [cwcomp]\nseeds: 1\n"));
        List<SweepEntry> three = Manifest.expand(spec("methods: [cwcomp]\nseeds: 3\n"));
        Path file = Manifest.create(dir, one);
        assertThat(Manifest.create(dir, three)).isEqualTo(file);
        assertThat(Manifest.read(file)).isEqualTo(three);
        assertThat(three.get(0).dir()).isEqualTo(one.get(0).dir());
        assertThat(Manifest.create(dir, one)).isEqualTo(file); // the first seed of three: nothing changes
        assertThat(Manifest.read(file)).isEqualTo(three);
        List<SweepEntry> otherSeeds = Manifest.expand(spec("methods: [cwcomp]\nseeds: [7, 8, 9, 10]\n"));
        assertThatThrownBy(() -> Manifest.create(dir, otherSeeds)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("holds another sweep");
    }

    @Test
    void aFolderHoldingAnotherSweepOrOtherFilesIsRefused(@TempDir Path dir) throws IOException {
        Manifest.create(dir.resolve("a"), Manifest.expand(spec(GRID)));
        List<SweepEntry> other = Manifest.expand(spec("methods: [cwcomp]\n"));
        assertThatThrownBy(() -> Manifest.create(dir.resolve("a"), other)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("holds another sweep");
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/notes.txt"), "x");
        assertThatThrownBy(() -> Manifest.create(dir.resolve("b"), other)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("not a sweep folder");
    }

    @Test
    void unknownKeysMethodsAndPresetKeysAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> spec("methods: [cwcomp]\nseed: 3\n")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("unknown key 'seed'");
        assertThatThrownBy(() -> spec("methods: [cwcomp]\nlimits: {epoch: 1}\n"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("limits: unknown key 'epoch'");
        assertThatThrownBy(() -> Manifest.expand(spec("methods: [cwcomp, nope]\n")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unknown method 'nope'");
        assertThatThrownBy(() -> Manifest.expand(spec("methods: [cwcomp]\nset: {train.lrr: [1, 2]}\n")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("train.lrr");
        assertThatThrownBy(() -> spec("methods: [cwcomp]\nset: {train.seed: 1}\n"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("seeds:");
        assertThatThrownBy(() -> spec("methods: [cwcomp]\nseeds: []\n"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("seeds");
        assertThatThrownBy(() -> spec("datasets: [mnist]\n"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("missing key 'methods'");
    }
}
