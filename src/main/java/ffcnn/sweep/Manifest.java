package ffcnn.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import ffcnn.UserInputException;
import ffcnn.io.AtomicFiles;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.report.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code manifest.jsonl}: a sweep's runs, one {@link SweepEntry} per line. {@link #expand} turns a spec into
 * entries (methods, then datasets, presets, the grid of {@code set:} values in the spec's order, seeds
 * innermost), resolving each entry's preset so that an unknown method, preset or key fails before anything
 * runs. {@link #create} writes it once and grows it when more seeds are asked for; a folder holding another sweep
 * is refused.
 */
public final class Manifest {

    /** The manifest's file name in the sweep folder. */
    public static final String FILE = "manifest.jsonl";

    private Manifest() {
    }

    /** The entries of {@code spec}, each checked against its preset. */
    public static List<SweepEntry> expand(SweepSpec spec) {
        List<Map<String, String>> grid = grid(spec.grid());
        record Planned(String method, String dataset, String preset, Map<String, String> set, long seed) {
        }
        List<Planned> planned = new ArrayList<>();
        for (String method : spec.methods()) {
            for (String dataset : spec.datasets()) {
                for (String preset : spec.presets()) {
                    for (Map<String, String> set : grid) {
                        List<String> overrides = set.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .toList();
                        RunConfig config = PresetLoader.load(method, dataset, preset, overrides);
                        for (long seed : seeds(spec, config.train().seed())) {
                            planned.add(new Planned(method, dataset, preset, set, seed));
                        }
                    }
                }
            }
        }
        List<SweepEntry> entries = new ArrayList<>();
        for (Planned p : planned) {
            int i = entries.size();
            String dir = String.format("runs/%04d-%s-%s-%s-seed%d", i, p.method(), folderName(p.dataset()),
                    folderName(p.preset()), p.seed());
            entries.add(SweepEntry.of(i, planned.size(), p.method(), p.dataset(), p.preset(), p.seed(), p.set(), dir));
        }
        return List.copyOf(entries);
    }

    private static List<Long> seeds(SweepSpec spec, long presetSeed) {
        if (!spec.seeds().isEmpty()) {
            return spec.seeds();
        }
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < spec.seedCount(); k++) {
            seeds.add(presetSeed + k);
        }
        return seeds;
    }

    /** Every combination of the keys' values, the first key varying slowest. */
    static List<Map<String, String>> grid(Map<String, List<String>> keys) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> k : keys.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : k.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(k.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    private static String folderName(String name) {
        String last = Path.of(name.replaceFirst("^folder:", "")).getFileName().toString();
        return last.replaceAll("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Writes {@code entries} into {@code dir}/{@value #FILE}, or keeps the manifest there when it has the
     * same entries. A manifest whose runs are the first of {@code entries} (the same runs in the same folders,
     * e.g. {@code reproduce ROW --seeds 3} after {@code --seeds 1}) grows to {@code entries}: its runs, finished
     * or not, stay where they are and the new ones follow; asking for the first runs of a longer manifest keeps it.
     *
     * @throws UserInputException when {@code dir} holds another sweep or other files
     */
    public static Path create(Path dir, List<SweepEntry> entries) {
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            List<SweepEntry> existing = read(file);
            if (existing.equals(entries) || isPrefix(entries, existing)) {
                return file; // the same runs, or the first of them: the manifest stays as it is
            }
            if (!isPrefix(existing, entries)) {
                throw new UserInputException(dir + ": holds another sweep (its " + FILE + " lists other runs);"
                        + " choose another --out");
            }
        } else if (Files.isDirectory(dir) && !isEmpty(dir)) {
            throw new UserInputException(dir + ": not empty and not a sweep folder (no " + FILE + "); choose"
                    + " another --out");
        }
        AtomicFiles.writeString(file, entries.stream().map(SweepEntry::line).collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    /** Whether {@code shorter}'s runs are the first runs of {@code longer} (their counts and checksums aside). */
    private static boolean isPrefix(List<SweepEntry> shorter, List<SweepEntry> longer) {
        if (shorter.size() >= longer.size()) {
            return false;
        }
        for (int i = 0; i < shorter.size(); i++) {
            SweepEntry a = shorter.get(i);
            SweepEntry b = longer.get(i);
            if (!SweepEntry.of(a.index(), b.of(), a.method(), a.dataset(), a.preset(), a.seed(), a.set(), a.dir())
                    .equals(b)) {
                return false;
            }
        }
        return true;
    }


    /**
     * Reads a manifest and checks every line.
     *
     * @throws UserInputException when the file is missing, a line is not an entry, or was edited
     */
    public static List<SweepEntry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(file + ": no such file (not a sweep folder?)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<SweepEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SweepEntry e = parse(file, i + 1, lines.get(i));
            if (!e.intact() || e.index() != i || e.of() != lines.size()) {
                throw new UserInputException(file + ": line " + (i + 1) + " was edited after the sweep was"
                        + " written (checksum, index or count differ); write a new sweep to another --out");
            }
            entries.add(e);
        }
        if (entries.isEmpty()) {
            throw new UserInputException(file + ": no entries");
        }
        return List.copyOf(entries);
    }

    private static SweepEntry parse(Path file, int line, String text) {
        try {
            SweepEntry e = JsonFiles.lineMapper().readValue(text, SweepEntry.class);
            if (e.method() == null || e.dir() == null || e.set() == null || e.checksum() == null) {
                throw new UserInputException(file + ": line " + line + ": not a sweep entry");
            }
            return e;
        } catch (JsonProcessingException e) {
            throw new UserInputException(file + ": line " + line + ": not a sweep entry: " + e.getOriginalMessage());
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
