package ffcnn.method;

/**
 * The {@code data:} section of a preset.
 *
 * @param dataset    dataset id, e.g. {@code fashion-mnist}
 * @param validSize  images split off the official training set for validation (-1 = dataset default)
 * @param limitTrain use only the first N images of the training split (0 = all)
 * @param limitValid use only the first N images of the validation split (0 = all)
 * @param limitTest  use only the first N images of the test set (0 = all)
 */
public record DataConfig(String dataset, int validSize, int limitTrain, int limitValid, int limitTest) {
}
