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

    /** A freshly initialised network whose input is encoded as {@code encoding} says. */
    public static Network build(ModelConfig model, LearningRule objective, EncodingConfig encoding, int channels,
            int classes, NDManager parent) {
        return build(model, objective, encoding, "none", channels, classes, parent);
    }

    /**
     * A freshly initialised network whose input is encoded as {@code encoding} says, with the trainable read-out
     * {@code readout} ({@link ReadOut#KINDS}, or {@code none}). The read-out is drawn after every layer, so the
     * layers start the same with or without it.
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
        NDManager manager = parent.newSubManager();
        List<LocalLayer> layers = new ArrayList<>();
        List<LayerContext> contexts = new ArrayList<>();
        int size = model.inputSize();
        int last = specs.get(specs.size() - 1).outChannels();
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            size = size > 0 ? spec.outputSize(size) : 0;
            LayerContext context = new LayerContext(i, spec, spec.outChannels(), size, last, classes);
            contexts.add(context);
            LocalLayer layer = new LocalLayer(LayerBody.of(model.block(), context, (float) model.dropout(), init),
                    objective.head(context), norm, classes, objective.trainsBody());
            layer.initialize(manager);
            layers.add(layer);
        }
        ReadOut read = null;
        if (!readout.equals("none")) {
            read = new ReadOut(readout, contexts, readoutFrom);
            read.initialize(manager);
        }
        return new Network(manager, layers, classes, model.inputSize(), objective.endToEnd(),
                new Encoder(encoding, classes), InputNorm.parse(encoding.inputNorm()), read);
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
