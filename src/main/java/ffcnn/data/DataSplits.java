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
 */
public record DataSplits(String dataset, ImageSource train, ImageSource valid, ImageSource test,
        Normalization normalization,
        List<String> classNames) {

    public DataSplits {
        classNames = List.copyOf(classNames);
    }

    /** Number of classes K. */
    public int numClasses() {
        return classNames.size();
    }
}
