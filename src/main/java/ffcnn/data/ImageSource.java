package ffcnn.data;

/**
 * Labelled images of one shape that can be read by index: held in memory ({@link ImageSet}) or decoded from
 * files when read ({@link FolderSource}). Pixels are unsigned bytes, channel planes, rows top to bottom.
 * Ten methods, above the usual seven: they are {@link ImageSet}'s accessors, so that both kinds serve
 * the same callers.
 */
public interface ImageSource {

    /** A label for messages, e.g. {@code tiny-imagenet/train}. */
    String name();

    /** Number of images. */
    int size();

    /** Class index per image. */
    int[] labels();

    /** 1 (grey) or 3 (RGB). */
    int channels();

    /** Rows. */
    int height();

    /** Columns. */
    int width();

    /** Number of classes K. */
    int numClasses();

    /**
     * Reads the images {@code order[from]}, ..., {@code order[from + count - 1]} into {@code pixels} (image
     * after image, from 0) and their labels into {@code labels}. A source that skips undecodable images
     * leaves them out and returns fewer than {@code count}.
     *
     * @return the number of images read
     */
    int read(int[] order, int from, int count, byte[] pixels, int[] labels);

    /** The first {@code n} images (all of them when {@code n >= size()}). */
    ImageSource head(int n);

    /**
     * Images of this source's files left out because they could not be decoded (images skipped with
     * {@code data.skip_corrupt}): for a source decoded when read, the distinct ones met so far by it and its
     * heads. 0 for images that were never files.
     */
    default int skipped() {
        return 0;
    }
}
