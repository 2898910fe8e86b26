package ffcnn.data;

import ffcnn.UserInputException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a list of image files into an in-memory {@link ImageSet}, a chunk at a time with
 * {@link FolderSource}'s decoding threads. An image that cannot be decoded stops it with a
 * {@link UserInputException} naming the file, or, when corrupt images are skipped, is left out with a
 * warning; the set keeps their count ({@link ImageSet#skipped}).
 */
final class FolderDecoder {

    private static final Logger logger = LoggerFactory.getLogger(FolderDecoder.class);

    /** Images decoded per chunk. */
    private static final int CHUNK = 256;

    private final int channels;
    private final int size;
    private final boolean skipCorrupt;

    /**
     * @param channels    1 (grey) or 3 (RGB)
     * @param size        side length every image is resized to
     * @param skipCorrupt skip undecodable images (true) or stop at the first (false)
     */
    FolderDecoder(int channels, int size, boolean skipCorrupt) {
        this.channels = channels;
        this.size = size;
        this.skipCorrupt = skipCorrupt;
    }

    /** The images of {@code files}, in their order, less the skipped ones. */
    ImageSet decode(LabelledFiles files, int numClasses, String name) {
        int bytes = channels * size * size;
        long total = (long) files.size() * bytes;
        if (total > Integer.MAX_VALUE - 8) {
            throw new UserInputException(name + ": " + files.size() + " images of " + channels + "x" + size + "x"
                    + size + " do not fit one in-memory array; use --limit-train/--limit-test or a smaller"
                    + " model.input_size");
        }
        FolderSource source = new FolderSource(name, files, channels, size, numClasses, skipCorrupt);
        int[] order = IntStream.range(0, files.size()).toArray();
        byte[] pixels = new byte[(int) total];
        int[] labels = new int[files.size()];
        byte[] chunk = new byte[CHUNK * bytes];
        int[] chunkLabels = new int[CHUNK];
        int kept = 0;
        for (int from = 0; from < order.length; from += CHUNK) {
            int got = source.read(order, from, Math.min(CHUNK, order.length - from), chunk, chunkLabels);
            System.arraycopy(chunk, 0, pixels, kept * bytes, got * bytes);
            System.arraycopy(chunkLabels, 0, labels, kept, got);
            kept += got;
        }
        int skipped = files.size() - kept;
        if (skipped > 0) {
            logger.warn("{}: skipped {} of {} images that could not be decoded", name, skipped, files.size());
            pixels = Arrays.copyOf(pixels, kept * bytes);
            labels = Arrays.copyOf(labels, kept);
        }
        return new ImageSet(name, pixels, labels, channels, size, size, numClasses, skipped);
    }
}
