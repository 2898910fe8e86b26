package ffcnn.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ffcnn.UserInputException;
import ffcnn.encoding.Encoder;
import ffcnn.encoding.EncodingConfig;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Network} from a model config, an objective and the data's shape. */
public final class NetworkBuilder {

    private NetworkBuilder() {
    }

    /**
     * A freshly initialised network for the image alone. Initialisation draws from the engine's random
     * stream, so seed the engine first for a repeatable network.
     */
    public static Network build(ModelConfig model, LearningRule objective, int channels, int classes,
            NDManager parent) {
        return build(model, objective, EncodingConfig.IDENTITY, channels, classes, parent);
    }

    /**
     * A freshly initialised network whose input is encoded as {@code encoding} says, with the read-out the rule's
     * per-layer predictors need ({@link LearningRule#readOutRule}) and no other.
     */
    public static Network build(ModelConfig model, LearningRule objective, EncodingConfig encoding, int channels,
            int classes, NDManager parent) {
        ReadOut.Rule rule = objective.readOutRule();
        return build(model, objective, encoding, rule == null ? "none" : rule.kind(), channels, classes, parent);
    }

    /**
     * A freshly initialised network whose input is encoded as {@code encoding} says, with the trainable read-out
     * {@code readout} ({@link ReadOut#KINDS}, or {@code none}). A classifier over layers is drawn after every
     * layer and a per-layer predictor right after its layer, where its head would be, so the layers start the same
     * with or without it.
     */
    public static Network build(ModelConfig model, LearningRule objective, EncodingConfig encoding, String readout,
            int channels, int classes, NDManager parent) {
        return build(model, objective, encoding, readout, ReadOut.DEFAULT_FROM, channels, classes, parent);
    }

    /** As above, the read-out reading the outputs of layers {@code readoutFrom..L-1}. */
    public static Network build(ModelConfig model, LearningRule objective, EncodingConfig encoding, String readout,
            int readoutFrom, int channels, int classes, NDManager parent) {
        List<LayerSpec> specs = Architectures.build(model.arch(), channels, classes, model.width(),
                model.inputSize());
        OutputNorm norm = OutputNorm.parse(model.outputNorm());
        Initializer init = initializer(model.init());
        List<LayerContext> contexts = new ArrayList<>();
        List<ObjectiveHead> heads = new ArrayList<>();
        int size = model.inputSize();
        int last = specs.get(specs.size() - 1).outChannels();
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            size = size > 0 ? spec.outputSize(size) : 0;
            LayerContext context = new LayerContext(i, spec, spec.outChannels(), size, last, classes, specs.size());
            contexts.add(context);
            heads.add(objective.head(context));
        }
        ReadOut read = readOut(readout, readoutFrom, contexts, heads, objective.readOutRule());
        NDManager manager = parent.newSubManager();
        List<LocalLayer> layers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            LocalLayer layer = new LocalLayer(LayerBody.of(model.block(), contexts.get(i), (float) model.dropout(),
                    init), heads.get(i), norm, classes, objective.trainsBody());
            layer.initialize(manager);
            layers.add(layer);
            if (read != null && read.perLayer() && read.reads(i)) {
                read.initialize(manager, i); // where the layer's head would draw
            }
        }
        if (read != null && !read.perLayer()) {
            read.initialize(manager);
        }
        return new Network(manager, layers, classes, model.inputSize(), objective.endToEnd(),
                new Encoder(encoding, classes), InputNorm.parse(encoding.inputNorm()), read);
    }

    /**
     * The read-out {@code readout} asks for: the per-layer predictors of the layers whose head does not predict,
     * which {@code rule} trains (then {@code readout} must be the rule's kind), or else a classifier over layers
     * {@code from..L-1} (null for {@code none}; an unknown kind is refused by {@link ReadOut}'s constructor).
     */
    private static ReadOut readOut(String readout, int from, List<LayerContext> contexts, List<ObjectiveHead> heads,
            ReadOut.Rule rule) {
        List<LayerContext> headless = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            if (!heads.get(i).predicts()) {
                headless.add(contexts.get(i));
            }
        }
        if (rule != null) {
            if (!readout.equals(rule.kind())) {
                throw new UserInputException("this method's per-layer predictors are its read-out, so predict.readout"
                        + " must be " + rule.kind() + " (got " + readout + ")");
            }
            return headless.isEmpty() ? null : new ReadOut(readout, headless, contexts.size(), rule);
        }
        if (ReadOut.PER_LAYER.contains(readout)) {
            throw new UserInputException("predict.readout " + readout + " is the per-layer predictors of another"
                    + " method; this one takes none, " + String.join(", ", ReadOut.OVER_LAYERS));
        }
        if (readout.equals("none")) {
            return null;
        }
        int layers = contexts.size();
        if (from >= layers && layers > 1) {
            throw new UserInputException("predict.readout_from " + from + " names no layer of a network of "
                    + layers + " layers (0.." + (layers - 1) + ")");
        }
        return new ReadOut(readout, contexts.subList(Math.min(from, layers - 1), layers), layers, null);
    }

    static Initializer initializer(String name) {
        return switch (name) {
            // PyTorch's Conv2d default: U(-1/sqrt(fan_in), 1/sqrt(fan_in))
            case "uniform-fan-in" -> new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                    XavierInitializer.FactorType.IN, 1);
            // kaiming_normal_(mode='fan_out', nonlinearity='relu'): N(0, sqrt(2/fan_out))
            case "normal-fan-out" -> new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.OUT, 2);
            // kaiming_normal_(mode='fan_in', nonlinearity='relu'): N(0, sqrt(2/fan_in)) (ASGE)
            case "normal-fan-in" -> new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.IN, 2);
            default -> throw new UserInputException("unknown model.init '" + name
                    + "' (known: uniform-fan-in, normal-fan-out, normal-fan-in)");
        };
    }
}
