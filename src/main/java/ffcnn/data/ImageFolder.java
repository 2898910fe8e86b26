package ffcnn.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset of image files found on disk: its classes and the files of its official training and test
 * parts (not yet decoded).
 *
 * @param id               dataset id, e.g. {@code tiny-imagenet} or {@code folder:/data/flowers}
 * @param dir              the folder it was read from
 * @param classNames       class names in label order
 * @param train            the official training files
 * @param test             the files evaluated as test set
 * @param normalization    fixed per-channel normalisation (RGB), or null to compute it from the training images
 * @param defaultValidSize images held out of {@code train} for validation when the request does not say
 */
public record ImageFolder(String id, Path dir, List<String> classNames, LabelledFiles train, LabelledFiles test,
        Normalization normalization, int defaultValidSize) {

    public ImageFolder {
        classNames = List.copyOf(classNames);
    }
}
