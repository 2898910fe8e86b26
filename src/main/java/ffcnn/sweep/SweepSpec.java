package ffcnn.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep runs, as written in its YAML file:
 * <pre>{@code
 * methods: [caw-conv, deeperforward]   # required
 * datasets: [fashion-mnist]            # default [fashion-mnist]
 * presets: [quick]                     # default [quick]
 * seeds: 3                             # 3 seeds from the preset's own, or a list [1, 2, 3]; default 1
 * set: {model.width: [0.5, 1.0], train.lr: 0.01}   # a list is a grid; quote a list value: "[1, 2]"
 * limits: {epochs: 1, train: 256, valid: 128, test: 128}
 * }</pre>
 * A key the spec does not know, an empty list or a {@code train.seed} under {@code set} is an error.
 *
 * @param methods   methods, in order
 * @param datasets  dataset ids
 * @param presets   preset names (or preset files)
 * @param seedCount seeds counted from each preset's own seed, when {@code seeds} is empty
 * @param seeds     explicit seeds, or empty
 * @param grid      preset keys and their values, in the spec's order; several values make a grid
 */
public record SweepSpec(List<String> methods, List<String> datasets, List<String> presets, int seedCount,
        List<Long> seeds, Map<String, List<String>> grid) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("methods", "datasets", "presets", "seeds", "set", "limits");
    private static final Map<String, String> LIMITS = Map.of("epochs", "train.epochs", "train", "data.limit_train",
            "valid", "data.limit_valid", "test", "data.limit_test");

    public SweepSpec {
        methods = List.copyOf(methods);
        datasets = List.copyOf(datasets);
        presets = List.copyOf(presets);
        seeds = List.copyOf(seeds);
        grid = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        if (seeds.isEmpty() && seedCount < 1) {
            throw new UserInputException("seeds must be a count >= 1 or a list of seeds, got " + seedCount);
        }
        if (grid.containsKey("train.seed")) {
            throw new UserInputException("set: train.seed: give seeds with 'seeds:' instead");
        }
    }

    /** Reads and checks a spec file. */
    public static SweepSpec read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read the sweep spec: "
                    + e.getMessage().strip().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException(file + ": a sweep spec is a YAML mapping (methods:, datasets:, ...)");
        }
        return parse(root, file.toString());
    }

    static SweepSpec parse(JsonNode root, String origin) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new UserInputException(origin + ": unknown key '" + k + "' (known: datasets, limits,"
                        + " methods, presets, seeds, set)");
            }
        }
        if (!root.has("methods")) {
            throw new UserInputException(origin + ": missing key 'methods'");
        }
        Map<String, List<String>> grid = new LinkedHashMap<>();
        JsonNode limits = root.path("limits");
        for (Iterator<Map.Entry<String, JsonNode>> it = limits.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = LIMITS.get(f.getKey());
            if (key == null) {
                throw new UserInputException(origin + ": limits: unknown key '" + f.getKey()
                        + "' (known: epochs, test, train, valid)");
            }
            grid.put(key, List.of(f.getValue().asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("set").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            grid.put(f.getKey(), values(f.getValue(), origin + ": set: " + f.getKey()));
        }
        JsonNode seeds = root.path("seeds");
        List<Long> seedList = new ArrayList<>();
        int count = 1;
        if (seeds.isArray()) {
            seeds.forEach(s -> seedList.add(seed(s, origin)));
            if (seedList.isEmpty()) {
                throw new UserInputException(origin + ": seeds: empty list");
            }
        } else if (!seeds.isMissingNode()) {
            if (!seeds.isInt() || seeds.asInt() < 1) {
                throw new UserInputException(origin + ": seeds: a count >= 1 or a list of seeds, got " + seeds);
            }
            count = seeds.asInt();
        }
        return new SweepSpec(names(root.path("methods"), origin + ": methods", null),
                names(root.path("datasets"), origin + ": datasets", "fashion-mnist"),
                names(root.path("presets"), origin + ": presets", "quick"), count, seedList, grid);
    }

    private static List<String> names(JsonNode node, String where, String fallback) {
        if (node.isMissingNode() && fallback != null) {
            return List.of(fallback);
        }
        List<String> out = values(node, where);
        if (out.stream().distinct().count() < out.size()) {
            throw new UserInputException(where + ": a name is listed twice");
        }
        return out;
    }

    /** A scalar as one value, a list as its values (a nested list or mapping as its JSON text). */
    private static List<String> values(JsonNode node, String where) {
        if (node.isValueNode() && !node.isNull()) {
            return List.of(node.asText());
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new UserInputException(where + ": a value or a non-empty list of values, got " + node);
        }
        List<String> out = new ArrayList<>();
        node.forEach(v -> out.add(v.isValueNode() ? v.asText() : v.toString()));
        return out;
    }

    private static long seed(JsonNode s, String origin) {
        if (!s.canConvertToLong() || !s.isIntegralNumber()) {
            throw new UserInputException(origin + ": seeds: not a whole number: " + s);
        }
        return s.asLong();
    }
}
