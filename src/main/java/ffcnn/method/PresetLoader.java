package ffcnn.method;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import ffcnn.UserInputException;
import ffcnn.data.FolderDatasets;
import ffcnn.encoding.EncodingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Presets are YAML resources {@code presets/<method>/<name>.yaml}. A preset may name a {@code base} in
 * the same folder whose keys it overrides; command-line overrides {@code key.path=value} come last. The
 * merged tree is bound once; an unknown or missing key is an error naming it.
 */
public final class PresetLoader {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private PresetLoader() {
    }

    /**
     * The resolved config of {@code preset} ({@code paper}, {@code quick}, {@code tiny}, ..., or a YAML
     * file path) for {@code method} on {@code dataset}, with {@code overrides} applied.
     */
    public static RunConfig load(String method, String dataset, String preset, List<String> overrides) {
        Methods.get(method);
        String name = presetName(FolderDatasets.presetName(dataset), preset);
        if (dataset.startsWith(FolderDatasets.PREFIX) && preset != null
                && (preset.equals("folder") || preset.startsWith("folder-"))) {
            name = preset; // --preset folder-quick names the file itself
        }
        ObjectNode tree = resolve(method, name, preset);
        withDefaults(tree);
        if (dataset.startsWith(FolderDatasets.PREFIX) && tree.get("data") instanceof ObjectNode data) {
            data.put("dataset", dataset); // the folder preset serves every folder:DIR
        }
        for (String o : overrides) {
            override(tree, o);
        }
        return fromTree(tree, isFile(preset) ? preset : method + "/" + name);
    }

    /** The prediction strategy unsupervised Forward-Forward (hybrid negatives) needs: a linear read-out. */
    static final String HYBRID_READOUT = "neutral-linear";

    /** Binds an already resolved tree (e.g. a saved config.yaml). */
    public static RunConfig fromTree(JsonNode tree, String origin) {
        withDefaults(tree);
        inheritGroupSettings(tree);
        RunConfig config = bind(tree, RunConfig.class, origin);
        boolean needs = Methods.get(config.method()).objective(config.objective()).labelInInput();
        if (config.encoding().negatives().equals("hybrid")) {
            // unsupervised Forward-Forward: the layers never see a label, so their goodness names no class
            if (!needs) {
                throw new UserInputException(origin + ": encoding.negatives hybrid suits only the Forward-Forward"
                        + " rules (ff, symba, ff-cnn), not " + config.method());
            }
            if (!config.predict().strategy().equals(HYBRID_READOUT)) {
                throw new UserInputException(origin + ": encoding.negatives hybrid trains the layers without labels;"
                        + " their goodness names no class, so it needs predict.strategy " + HYBRID_READOUT
                        + " (a linear read-out), got " + config.predict().strategy());
            }
        }
        if (config.train().bnRefresh() && config.model().dropout() > 0) {
            throw new UserInputException(origin + ": train.bn_refresh passes each batch through the layers once more"
                    + " in training mode, which would draw new dropout masks; it needs model.dropout 0, got "
                    + config.model().dropout());
        }
        boolean unsupervised = config.encoding().negatives().equals("hybrid"); // identity, by EncodingConfig
        if (!unsupervised && needs == config.encoding().kind().equals("identity")) {
            throw new UserInputException(origin + ": encoding.kind " + config.encoding().kind() + " does not suit "
                    + config.method() + ", which needs " + (needs ? "the label in the input (overlay, fourier or"
                    + " morphological)" : "identity (its heads learn the labels)"));
        }
        return config;
    }

    /**
     * Gives a tree without an {@code encoding:} section (every method without labels in the input) the
     * identity, a {@code data:} section without {@code skip_corrupt} or {@code augment} false and without
     * {@code normalization} the dataset's own, a {@code predict:} section without {@code readout} none, a
     * {@code train:} section without {@code optimizer} AdamW (momentum 0.9, used by SGD only) and
     * {@code train.groups} every group, trainable, with its {@code lr}, {@code weight_decay}, {@code optimizer} and
     * {@code momentum} left to
     * {@link #inheritGroupSettings} (so that an override of {@code train.lr} reaches them), the sequential schedule
     * and the default pipeline settings, and a Forward-Forward {@code objective:} (one with a {@code goodness}) no
     * peer normalisation.
     */
    private static void withDefaults(JsonNode tree) {
        if (tree.get("predict") instanceof ObjectNode predict) {
            if (!predict.has("readout")) {
                predict.put("readout", "none");
            }
            if (!predict.has("readout_from")) {
                predict.put("readout_from", ffcnn.nn.ReadOut.DEFAULT_FROM);
            }
        }
        if (tree.get("train") instanceof ObjectNode train) {
            ObjectNode groups = train.get("groups") instanceof ObjectNode g ? g : train.putObject("groups");
            for (String name : ffcnn.train.ParameterGroups.NAMES) {
                ObjectNode group = groups.get(name) instanceof ObjectNode g ? g : groups.putObject(name);
                if (!group.has("trainable")) {
                    group.put("trainable", true);
                }
                for (String key : GROUP_INHERITS) {
                    if (!group.has(key)) {
                        group.putNull(key);
                    }
                }
            }
        }
        if (tree instanceof ObjectNode obj && !obj.has("encoding")) {
            obj.set("encoding", YAML.valueToTree(EncodingConfig.IDENTITY));
        }
        if (tree.get("data") instanceof ObjectNode data) {
            for (String key : List.of("skip_corrupt", "augment")) {
                if (!data.has(key)) {
                    data.put(key, false);
                }
            }
            if (!data.has("normalization")) {
                data.put("normalization", "dataset");
            }
        }
        if (tree.get("objective") instanceof ObjectNode objective && objective.has("goodness")
                && !objective.has("peer_normalization")) {
            objective.put("peer_normalization", 0.0); // FF and SymBa: runs saved before it existed had none
        }
        if (tree.get("train") instanceof ObjectNode train) {
            if (!train.has("optimizer")) {
                train.put("optimizer", ffcnn.train.TrainConfig.ADAMW);
            }
            if (!train.has("momentum")) {
                train.put("momentum", ffcnn.train.TrainConfig.DEFAULT_MOMENTUM);
            }
            if (!train.has("schedule")) {
                train.put("schedule", ffcnn.train.TrainConfig.SEQUENTIAL);
            }
            if (!train.has("bn_refresh")) {
                train.put("bn_refresh", false);
            }
            if (!train.has("eval_every")) {
                train.put("eval_every", 1);
            }
            ObjectNode pipeline = train.get("pipeline") instanceof ObjectNode p ? p : train.putObject("pipeline");
            ObjectNode defaults = YAML.valueToTree(ffcnn.train.PipelineConfig.DEFAULT);
            defaults.fieldNames().forEachRemaining(key -> {
                if (!pipeline.has(key)) {
                    pipeline.set(key, defaults.get(key));
                }
            });
        }
    }

    /** The settings a parameter group without its own takes from the run's {@code train:} section. */
    private static final List<String> GROUP_INHERITS = List.of("lr", "weight_decay", "optimizer", "momentum");

    /** Gives each parameter group without its own {@code lr}, {@code weight_decay}, {@code optimizer} or
     * {@code momentum} the run's. */
    private static void inheritGroupSettings(JsonNode tree) {
        if (tree.get("train") instanceof ObjectNode train && train.get("groups") instanceof ObjectNode groups) {
            for (JsonNode group : groups) {
                if (group instanceof ObjectNode g) {
                    for (String key : GROUP_INHERITS) {
                        if (g.get(key) != null && g.get(key).isNull() && train.has(key)) {
                            g.set(key, train.get(key));
                        }
                    }
                }
            }
        }
    }

    /** Parses a saved config.yaml. */
    public static RunConfig read(Path file) {
        try {
            return fromTree(YAML.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read config: " + firstLine(e));
        }
    }

    /** The YAML text of a config (what config.yaml holds). */
    public static String toYaml(RunConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config is not serialisable", e);
        }
    }

    /**
     * The comment a bundled preset opens with (what it is and the paper's figure it targets), or an
     * empty string; null when there is no such preset.
     */
    public static String description(String method, String dataset, String preset) {
        String path = "presets/" + method + "/" + presetName(dataset, preset) + ".yaml";
        try (InputStream in = PresetLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    break;
                }
                text.append(text.length() == 0 ? "" : " ").append(line.substring(1).strip());
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code preset} names a YAML file rather than a bundled preset. */
    private static boolean isFile(String preset) {
        return preset != null && (preset.endsWith(".yaml") || preset.endsWith(".yml"));
    }

    static String presetName(String dataset, String preset) {
        if (preset == null || preset.isEmpty() || preset.equals("paper")) {
            return dataset;
        }
        return dataset + "-" + preset;
    }

    private static ObjectNode resolve(String method, String name, String preset) {
        if (isFile(preset)) {
            return withBase(method, readFile(Path.of(preset)), preset, 0);
        }
        return withBase(method, readResource(method, name), method + "/" + name, 0);
    }

    private static ObjectNode withBase(String method, ObjectNode node, String origin, int depth) {
        if (depth > 8) {
            throw new UserInputException("preset " + origin + ": base chain too deep (a cycle?)");
        }
        JsonNode base = node.remove("base");
        if (base == null) {
            return node;
        }
        ObjectNode merged = withBase(method, readResource(method, base.asText()), method + "/" + base.asText(),
                depth + 1);
        merge(merged, node);
        return merged;
    }

    static void merge(ObjectNode target, JsonNode update) {
        Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode existing = target.get(f.getKey());
            if (existing instanceof ObjectNode obj && f.getValue().isObject()) {
                merge(obj, f.getValue());
            } else {
                target.set(f.getKey(), f.getValue());
            }
        }
    }

    /** Applies {@code key.path=value}; the key must exist in the preset. */
    static void override(ObjectNode tree, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new UserInputException("override '" + assignment + "' is not key.path=value");
        }
        String key = assignment.substring(0, eq).trim();
        String[] path = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (!(child instanceof ObjectNode obj)) {
                throw new UserInputException("unknown preset key '" + key + "'");
            }
            node = obj;
        }
        if (!node.has(path[path.length - 1])) {
            throw new UserInputException("unknown preset key '" + key + "' (known here: "
                    + String.join(", ", (Iterable<String>) node::fieldNames) + ")");
        }
        String value = assignment.substring(eq + 1);
        if (ValueChecks.spellsNonFinite(value)) {
            throw new UserInputException(key + " must be a finite number, got " + value.strip());
        }
        try {
            node.set(path[path.length - 1], YAML.readTree(value));
        } catch (IOException e) {
            throw new UserInputException("override '" + assignment + "': bad value: " + firstLine(e));
        }
    }

    private static ObjectNode readResource(String method, String name) {
        String path = "presets/" + method + "/" + name + ".yaml";
        try (InputStream in = PresetLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new UserInputException("no preset '" + name + "' for method " + method + " (presets are "
                        + "'paper', 'quick', 'tiny', 'vgg' per dataset; see `ffcnn methods`)");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException | ClassCastException e) {
            throw new UserInputException("preset " + path + ": not a YAML mapping: " + firstLine(e));
        }
    }

    private static ObjectNode readFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new UserInputException(file + ": preset file not found or unreadable");
        }
        try {
            return (ObjectNode) YAML.readTree(file.toFile());
        } catch (IOException | ClassCastException e) {
            throw new UserInputException(file + ": not a YAML mapping: " + firstLine(e));
        }
    }

    /** Binds {@code node} to {@code type}, turning binding errors into one-line user errors. */
    static <T> T bind(JsonNode node, Class<T> type, String origin) {
        String nonFinite = ValueChecks.firstNonFinite(node, "");
        if (nonFinite != null) {
            throw new UserInputException("preset " + origin + ": " + nonFinite);
        }
        try {
            return YAML.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw new UserInputException("preset " + origin + ": unknown preset key '" + e.getPropertyName()
                    + "' (known: " + e.getKnownPropertyIds() + ")");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UserInputException("preset " + origin + ": " + cause.getMessage());
        } catch (MismatchedInputException e) {
            String key = ValueChecks.keyPath(e);
            throw new UserInputException("preset " + origin + ": " + ValueChecks.mismatch(key, e.getTargetType(),
                    node.at(ValueChecks.pointer(e)), e.getOriginalMessage()));
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new UserInputException("preset " + origin + ": " + ValueChecks.keyPath(e) + ": "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new UserInputException("preset " + origin + ": " + e.getOriginalMessage());
        }
    }

    /** The first line of an exception's message (Jackson appends source locations on further lines). */
    static String firstLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse("");
    }
}
