package ffcnn.cli;

import ai.djl.ndarray.NDManager;
import ffcnn.UserInputException;
import ffcnn.data.Batch;
import ffcnn.data.Batches;
import ffcnn.data.ImageSet;
import ffcnn.method.ClassActivationMaps;
import ffcnn.method.TrainedModel;
import ffcnn.nn.Devices;
import ffcnn.predict.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ffcnn explain}: class activation maps, one PNG per layer and image showing where the layer's goodness for
 * the predicted (or the given) class comes from, over the image, and one sheet per image with every layer.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Draw class activation maps: where each layer's evidence for the predicted (or given) class"
                + " lies in each image; one PNG per layer and a sheet with all layers per image.")
public final class ExplainCommand extends EngineCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Run folder or model file.")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the PNGs go (default: explain/ in the run"
            + " folder, or in the current folder for a model file).")
    Path out;

    @Option(names = "--class", paramLabel = "K", description = "Explain class K (index or name) instead of the"
            + " predicted one.")
    String className;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files or folders of images.")
    List<Path> images;

    @Override
    protected int run(PrintWriter stdout) {
        List<Path> files = ImageInputs.expand(images);
        try (NDManager m = Devices.newManager(); TrainedModel tm = TrainedModel.load(model, m)) {
            List<String> names = tm.header().state().classNames();
            Integer given = className == null ? null : classIndex(className, names);
            Path dir = out != null ? out : (Files.isDirectory(model) ? model : Path.of(".")).resolve("explain");
            ImageSet set = ImageInputs.read(files, tm.header().input(), names.size());
            int[] predicted = tm.strategy(tm.config().predict().strategy())
                    .predict(Evaluator.scores(tm.network(), set, tm.normalization(), 64, tm.epoch()));
            try (Batches batches = Batches.ordered(set, tm.normalization(), set.size())) {
                Batch b = batches.next();
                for (int i = 0; i < files.size(); i++) {
                    int k = given != null ? given : predicted[i];
                    String stem = stem(files.get(i));
                    Path sheet = ClassActivationMaps.write(tm.network(), m, b, i, k, tm.epoch(),
                            stem + ": " + names.get(k), dir, stem, true);
                    stdout.printf("%s: %s %s -> %s%n", files.get(i), given != null ? "class" : "predicted",
                            names.get(k), sheet);
                }
            }
        }
        return 0;
    }

    static int classIndex(String value, List<String> names) {
        int byName = names.indexOf(value);
        if (byName >= 0) {
            return byName;
        }
        try {
            int k = Integer.parseInt(value);
            if (k >= 0 && k < names.size()) {
                return k;
            }
        } catch (NumberFormatException e) {
            // not a number either: reported below
        }
        throw new UserInputException("--class " + value + ": neither a class name nor an index 0.."
                + (names.size() - 1) + " of this model");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
