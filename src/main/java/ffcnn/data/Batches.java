package ffcnn.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One epoch of batches over an {@link ImageSource}, converted to normalised floats by one background
 * daemon thread that keeps up to two batches ready (images of a {@link FolderSource} are decoded then, by
 * its decoding threads, so that at most those batches are in memory). The last batch keeps the remainder
 * (it may be smaller).
 * Close it (try-with-resources) to stop the thread when leaving an epoch early; an exception of the
 * thread is thrown by {@link #next()}.
 */
public final class Batches implements Iterator<Batch>, AutoCloseable {

    /** Batches converted ahead of the consumer. */
    static final int PREFETCH = 2;

    /** What the producer hands over when it fails. */
    private record Failure(Throwable error) {
    }

    private final ImageSource set;
    private final float[][] table;
    private final int batchSize;
    private final int[] order;
    private final int count;
    private final Augmentation augmentation;
    private final SplittableRandom augmentRandom;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(PREFETCH);
    private final Thread producer;
    private volatile boolean closed;
    private int taken;

    private Batches(ImageSource set, Normalization normalization, int batchSize, int[] order) {
        this(set, normalization, batchSize, order, null, 0);
    }

    private Batches(ImageSource set, Normalization normalization, int batchSize, int[] order,
            Augmentation augmentation, long augmentSeed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (normalization.channels() != set.channels()) {
            throw new IllegalArgumentException(set.name() + " has " + set.channels()
                    + " channels, normalisation " + normalization.channels());
        }
        this.set = set;
        this.table = normalization.lookupTable();
        this.batchSize = batchSize;
        this.order = order;
        this.count = (order.length + batchSize - 1) / batchSize;
        this.augmentation = augmentation;
        this.augmentRandom = new SplittableRandom(augmentSeed ^ 0x5DEECE66DL);
        this.producer = new Thread(this::produce, "ffcnn-batches-" + set.name());
        producer.setDaemon(true);
        producer.start();
    }

    /** The images in a random order drawn from {@code seed} (the same seed gives the same order). */
    public static Batches shuffled(ImageSource set, Normalization normalization, int batchSize, long seed) {
        return new Batches(set, normalization, batchSize, permutation(set.size(), seed));
    }

    /**
     * The images in the order of {@link #shuffled(ImageSource, Normalization, int, long)}, each augmented
     * ({@code augmentation} null: none) with draws from a generator seeded by {@code seed} too.
     */
    public static Batches shuffled(ImageSource set, Normalization normalization, int batchSize, long seed,
            Augmentation augmentation) {
        return new Batches(set, normalization, batchSize, permutation(set.size(), seed), augmentation, seed);
    }

    private static int[] permutation(int n, long seed) {
        int[] order = identity(n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The images in their order in the set. */
    public static Batches ordered(ImageSource set, Normalization normalization, int batchSize) {
        return new Batches(set, normalization, batchSize, identity(set.size()));
    }

    /** The images at {@code order} (not checked: an index out of range fails in the thread, for tests). */
    static Batches inOrder(ImageSource set, Normalization normalization, int batchSize, int[] order) {
        return new Batches(set, normalization, batchSize, order.clone());
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Number of batches in the epoch, the last partial batch included. */
    public int count() {
        return count;
    }

    @Override
    public boolean hasNext() {
        return !closed && taken < count;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "batches closed" : "end of epoch");
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
        if (item instanceof Failure f) {
            close();
            if (f.error() instanceof RuntimeException r) {
                throw r;
            }
            if (f.error() instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException("batch conversion failed: " + f.error().getMessage(), f.error());
        }
        taken++;
        return (Batch) item;
    }

    /** Stops the background thread and drops the batches it prepared; waits at most a second for it. */
    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        queue.clear();
        if (Thread.currentThread() != producer) {
            try {
                producer.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the background thread still runs (for tests). */
    boolean producerAlive() {
        return producer.isAlive();
    }

    private void produce() {
        try {
            for (int b = 0; b < count && !closed; b++) {
                queue.put(augmentation == null ? build(b) : augmented(build(b)));
            }
        } catch (InterruptedException e) {
            // closed: stop quietly
        } catch (Throwable t) {
            try {
                queue.put(new Failure(t)); // after the batches already made, so next() throws in order
            } catch (InterruptedException e) {
                // closed meanwhile: nobody is left to tell
            }
        }
    }

    private Batch augmented(Batch batch) {
        float[] pad = new float[table.length];
        for (int c = 0; c < pad.length; c++) {
            pad[c] = table[c][0];
        }
        augmentation.apply(batch, pad, augmentRandom);
        return batch;
    }

    /** Batch {@code b}: its images read from the source, converted through the per-channel lookup table. */
    Batch build(int b) {
        int start = b * batchSize;
        return read(start, Math.min(batchSize, order.length - start));
    }

    /** Reads batch images from the source (which may skip some), then converts them. */
    private Batch read(int start, int count) {
        int plane = set.height() * set.width();
        int bytes = set.channels() * plane;
        byte[] pixels = new byte[count * bytes];
        int[] y = new int[count];
        int size = set.read(order, start, count, pixels, y);
        float[] x = new float[size * bytes];
        for (int i = 0; i < size; i++) {
            for (int c = 0; c < set.channels(); c++) {
                float[] lut = table[c];
                int from = i * bytes + c * plane;
                for (int p = 0; p < plane; p++) {
                    x[from + p] = lut[pixels[from + p] & 0xff];
                }
            }
        }
        return new Batch(x, size == count ? y : java.util.Arrays.copyOf(y, size), size, set.channels(),
                set.height(), set.width());
    }
}
