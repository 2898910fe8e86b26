package ffcnn.method;

import ffcnn.UserInputException;
import ffcnn.objective.AsgeObjective;
import ffcnn.objective.BackpropObjective;
import ffcnn.objective.CafoObjective;
import ffcnn.objective.CawConvObjective;
import ffcnn.objective.CwCompObjective;
import ffcnn.objective.DeeperForwardObjective;
import ffcnn.objective.FfObjective;
import ffcnn.objective.SymbaObjective;
import java.util.List;

/** The registry of methods: a name maps to an objective type; presets supply the rest. */
public final class Methods {

    private static final List<Method> ALL = List.of(
            new Method("caw-conv", "CAW-Conv: learnable channel-class assignment with entropy and orthogonality"
                    + " terms, loss-aware layer contribution (arXiv 2606.09928)", CawConvObjective.class),
            new Method("deeperforward", "DeeperForward: mean goodness of fixed channel groups, group-normalised"
                    + " outputs, best contiguous layer range (ICLR 2025)", DeeperForwardObjective.class),
            new Method("cwcomp", "CwComp: channel-wise competitive goodness (mean square of class channel groups),"
                    + " batch-normalised conv blocks, last-layer goodness or the official softmax read-out (AAAI 2024)",
                    CwCompObjective.class),
            new Method("backprop", "Backpropagation baseline: the same networks trained end to end with a linear"
                    + " classifier on the last layer", BackpropObjective.class),
            new Method("ff", "Forward-Forward (Hinton): label in the input, goodness of positives above and of"
                    + " negatives below a threshold, prediction by goodness over every label", FfObjective.class),
            new Method("symba", "SymBa: Forward-Forward with one symmetric loss on the goodness gap of each"
                    + " positive-negative pair", SymbaObjective.class),
            new Method("ff-cnn", "FF-CNN: Forward-Forward convolutional network with spatially extended labels"
                    + " (Fourier patterns or morphological transformations) over the whole image", FfObjective.class),
            new Method("cafo", "CaFo: cascaded blocks with fixed random weights, a linear predictor per block trained"
                    + " with cross-entropy (or MSE, sparsemax), prediction by the summed predictors", CafoObjective.class),
            new Method("asge", "ASGE: per-layer cross-entropy on the spatial goodness of an adaptive grid through a"
                    + " fixed random projection, prediction by the summed layer scores (ICASSP 2026)",
                    AsgeObjective.class));

    private Methods() {
    }

    public static List<Method> all() {
        return ALL;
    }

    /** The method called {@code name}, or a user error listing the known ones. */
    public static Method get(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() ->
                new UserInputException("unknown method '" + name + "' (known: "
                        + String.join(", ", ALL.stream().map(Method::name).toList()) + ")"));
    }
}
