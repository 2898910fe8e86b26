package ffcnn.data;

import ffcnn.UserInputException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a list of image files into an in-memory {@link ImageSet} with a pool of threads (one per core).
 * Each image lands in its own slot, so the result does not depend on the threads. An image that cannot
 * be decoded stops it with a {@link UserInputException} naming the file, or, when corrupt images are
 * skipped, is left out with a warning.
 */
final class FolderDecoder {

    private static final Logger logger = LoggerFactory.getLogger(FolderDecoder.class);

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
        byte[] pixels = new byte[(int) total];
        boolean[] ok = new boolean[files.size()];
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ffcnn-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(pool.submit(() -> work(files, pixels, ok, next, bytes)));
            }
            for (Future<?> job : jobs) {
                join(job);
            }
        } finally {
            pool.shutdownNow();
        }
        return compact(files, pixels, ok, numClasses, name);
    }

    private void work(LabelledFiles files, byte[] pixels, boolean[] ok, AtomicInteger next, int bytes) {
        for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            try {
                BufferedImage img = ImageDecoder.decode(files.files().get(i));
                ImageDecoder.toBytes(img, channels, size, size, pixels, i * bytes);
                ok[i] = true;
            } catch (UserInputException e) {
                if (!skipCorrupt) {
                    next.set(files.size()); // the other threads stop too
                    throw e;
                }
                logger.warn("skipped: {}", e.getMessage());
            }
        }
    }

    private static void join(Future<?> job) {
        try {
            job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding images", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("decoding failed: " + e.getCause(), e.getCause());
        }
    }

    private ImageSet compact(LabelledFiles files, byte[] pixels, boolean[] ok, int numClasses, String name) {
        int kept = 0;
        for (boolean b : ok) {
            kept += b ? 1 : 0;
        }
        int bytes = channels * size * size;
        if (kept == files.size()) {
            return new ImageSet(name, pixels, files.labels(), channels, size, size, numClasses);
        }
        logger.warn("{}: skipped {} of {} images that could not be decoded", name, files.size() - kept,
                files.size());
        byte[] px = new byte[kept * bytes];
        int[] labels = new int[kept];
        int j = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i]) {
                System.arraycopy(pixels, i * bytes, px, j * bytes, bytes);
                labels[j++] = files.labels()[i];
            }
        }
        return new ImageSet(name, Arrays.copyOf(px, kept * bytes), labels, channels, size, size, numClasses);
    }
}
