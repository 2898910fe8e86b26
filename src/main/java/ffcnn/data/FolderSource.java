package ffcnn.data;

import ffcnn.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images decoded from their files each time they are read, by a shared pool of daemon threads (one per
 * core), never all at once: {@link Batches} reads one batch at a time, two batches ahead of the trainer.
 * Every image is resized to {@code size x size} and converted to {@code channels}. An image that cannot be
 * decoded is a {@link UserInputException} naming the file, or, with {@code skipCorrupt}, is left out of its
 * batch with a warning; {@link #skipped} counts the distinct images left out so far, by this source and its
 * heads (an image met again in a later epoch counts once).
 */
public final class FolderSource implements ImageSource {

    private static final Logger logger = LoggerFactory.getLogger(FolderSource.class);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "ffcnn-decode");
                t.setDaemon(true);
                return t;
            });

    private final String name;
    private final LabelledFiles files;
    private final int channels;
    private final int size;
    private final int numClasses;
    private final boolean skipCorrupt;
    /** Indices into {@code files} of the images left out; shared with heads, whose files are a prefix. */
    private final Set<Integer> skipped;

    /** The images of {@code files}, read as {@code channels x size x size}. */
    public FolderSource(String name, LabelledFiles files, int channels, int size, int numClasses,
            boolean skipCorrupt) {
        this(name, files, channels, size, numClasses, skipCorrupt, ConcurrentHashMap.newKeySet());
    }

    private FolderSource(String name, LabelledFiles files, int channels, int size, int numClasses,
            boolean skipCorrupt, Set<Integer> skipped) {
        this.skipped = skipped;
        this.name = name;
        this.files = files;
        this.channels = channels;
        this.size = size;
        this.numClasses = numClasses;
        this.skipCorrupt = skipCorrupt;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int[] labels() {
        return files.labels();
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return size;
    }

    @Override
    public int width() {
        return size;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public FolderSource head(int n) {
        return n >= size() ? this
                : new FolderSource(name, files.head(n), channels, size, numClasses, skipCorrupt, skipped);
    }

    @Override
    public int skipped() {
        return skipped.size();
    }

    @Override
    public int read(int[] order, int from, int count, byte[] pixels, int[] labels) {
        int bytes = channels * size * size;
        byte[] decoded = new byte[count * bytes];
        List<Future<Boolean>> jobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int slot = i;
            int index = order[from + i];
            jobs.add(POOL.submit(() -> decode(index, decoded, slot * bytes)));
        }
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (await(jobs, i)) {
                System.arraycopy(decoded, i * bytes, pixels, kept * bytes, bytes);
                labels[kept++] = files.labels()[order[from + i]];
            }
        }
        return kept;
    }

    private boolean decode(int index, byte[] dst, int offset) {
        try {
            ImageDecoder.toBytes(ImageDecoder.decode(files.files().get(index)), channels, size, size, dst, offset);
            return true;
        } catch (UserInputException e) {
            if (!skipCorrupt) {
                throw e;
            }
            skipped.add(index);
            logger.warn("{}: skipped ({} so far): {}", name, skipped.size(), e.getMessage());
            return false;
        }
    }

    private static boolean await(List<Future<Boolean>> jobs, int i) {
        try {
            return jobs.get(i).get();
        } catch (InterruptedException e) {
            jobs.forEach(j -> j.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding images", e);
        } catch (ExecutionException e) {
            jobs.forEach(j -> j.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("decoding failed: " + e.getCause(), e.getCause());
        }
    }
}
