package ffcnn.encoding;

import java.util.List;

/**
 * The {@code encoding:} section of a preset: how a batch becomes network input.
 *
 * @param kind      {@code identity} (the image alone), {@code overlay} (Hinton's one-hot pixels),
 *                  {@code fourier} or {@code morphological} (the spatially extended labels of FF-CNN)
 * @param amplitude the weight of an additive label pattern ({@code fourier}); unused by the others
 * @param inputNorm the per-sample normalisation of the encoded input: {@code layer} (subtract the mean,
 *                  divide by the standard deviation over C, H, W) or {@code rms} (divide by the root mean
 *                  square, the direction only: Forward-Forward's normalisation, specs/baselines.md 2) or
 *                  {@code none} (the input as the data gives it; how the data scales pixels is the
 *                  preset's {@code data.normalization})
 * @param negatives how a negative's wrong label is chosen: {@code wrong-label} (uniform over the other
 *                  classes, drawn afresh for every batch; specs/ff-cnn-spatial-labels.md 5) or {@code hardest}
 *                  (the wrong label the current network finds best: the highest goodness summed over the
 *                  layers of FF's prediction rule, every layer but the first; computed without gradient before
 *                  each batch, at the cost of one evaluation pass over every candidate label) or {@code hybrid}
 *                  (Hinton's unsupervised negatives, {@link HybridImages}; only with {@code kind: identity})
 */
public record EncodingConfig(String kind, double amplitude, String inputNorm, String negatives) {

    /** Known {@link #kind}s. */
    public static final List<String> KINDS = List.of("identity", "overlay", "fourier", "morphological");

    /** Known {@link #inputNorm}s. */
    public static final List<String> INPUT_NORMS = List.of("layer", "rms", "none");

    /** Known {@link #negatives}. */
    public static final List<String> NEGATIVES = List.of("wrong-label", "hardest", "hybrid");

    /** What every method without labels in the input uses: the image alone, layer-normalised. */
    public static final EncodingConfig IDENTITY = new EncodingConfig("identity", 1.0, "layer", "wrong-label");

    public EncodingConfig {
        check("encoding.kind", kind, KINDS);
        check("encoding.input_norm", inputNorm, INPUT_NORMS);
        check("encoding.negatives", negatives, NEGATIVES);
        if (negatives.equals("hybrid") && !kind.equals("identity")) {
            throw new IllegalArgumentException("encoding.negatives hybrid is unsupervised (no label in the input):"
                    + " it needs encoding.kind identity, got " + kind);
        }
        if (!(amplitude >= 0) || Double.isInfinite(amplitude)) {
            throw new IllegalArgumentException("encoding.amplitude must be a finite number >= 0, got " + amplitude);
        }
    }

    private static void check(String key, String value, List<String> known) {
        if (!known.contains(value)) {
            throw new IllegalArgumentException(key + " '" + value + "' is not one of " + String.join(", ", known));
        }
    }
}
