package ffcnn.method;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data:} section of a preset.
 *
 * @param dataset    dataset id, e.g. {@code fashion-mnist}
 * @param validSize  images split off the official training set for validation (-1 = dataset default)
 * @param limitTrain use only the first N images of the training split (0 = all)
 * @param limitValid use only the first N images of the validation split (0 = all)
 * @param limitTest  use only the first N images of the test set (0 = all)
 * @param skipCorrupt image folders: skip images that cannot be decoded, with a warning, instead of stopping
 *                    (optional key, false when absent; written only when true)
 * @param augment     training batches get a random crop (padding 4) and a horizontal flip, drawn from the
 *                    epoch's seed ({@link ffcnn.data.Augmentation}; optional key, false when absent)
 * @param normalization how pixels are scaled before the network: {@code dataset} (the dataset's own mean and std,
 *                      the default), {@code none} (pixels in [0, 1]), {@code imagenet}, or {@code MEAN/STD}
 *                      ({@link ffcnn.data.Normalization#resolve}); the model saves what it trained with
 */
public record DataConfig(String dataset, int validSize, int limitTrain, int limitValid, int limitTest,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean skipCorrupt,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean augment, String normalization) {

    public DataConfig {
        if (normalization == null) {
            normalization = "dataset";
        }
        ffcnn.data.Normalization.resolve(normalization, ffcnn.data.Normalization.uniform(1, 0f, 1f), 3);
        atLeast("data.valid_size", validSize, -1);
        atLeast("data.limit_train", limitTrain, 0);
        atLeast("data.limit_valid", limitValid, 0);
        atLeast("data.limit_test", limitTest, 0);
    }

    private static void atLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be >= " + min + (min == 0 ? " (0 = all)" : "")
                    + ", got " + value);
        }
    }
}
