package ffcnn.data;

import java.util.List;

/**
 * A dataset ready for a run: training and validation parts of the official training set, the official
 * test set, the normalisation to apply to batches, and the class names in label order.
 *
 * @param dataset       dataset id
 * @param train         training images, in the order of the official file (in memory, {@link ImageSet}, or
 *                      decoded when read, {@link FolderSource})
 * @param valid         validation images, in the order of the official file (may be empty)
 * @param test          the official test images (or their first {@code limitTest})
 * @param normalization per-channel normalisation of the reference code
 * @param classNames    class names, {@code classNames.size()} = number of classes
 * @param augmentation  what training batches get ({@link Batches}), or null for none
 */
public record DataSplits(String dataset, ImageSource train, ImageSource valid, ImageSource test,
        Normalization normalization,
        List<String> classNames, Augmentation augmentation) {

    public DataSplits {
        classNames = List.copyOf(classNames);
    }

    /** Splits without augmentation. */
    public DataSplits(String dataset, ImageSource train, ImageSource valid, ImageSource test,
            Normalization normalization, List<String> classNames) {
        this(dataset, train, valid, test, normalization, classNames, null);
    }

    /** These splits with training batches augmented ({@code a} null: not). */
    public DataSplits withAugmentation(Augmentation a) {
        return new DataSplits(dataset, train, valid, test, normalization, classNames, a);
    }

    /** Number of classes K. */
    public int numClasses() {
        return classNames.size();
    }
}
