package ffcnn.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The batches of one pass over an {@link ImageSet}, shuffled by a seed or in order, converted to
 * normalised floats by a background thread that stays two batches ahead. The last partial batch is kept.
 */
public final class Batches implements Iterator<Batch>, AutoCloseable {

    private static final Batch END = new Batch(new float[0], new int[0], 0, 0, 0, 0);

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private final Thread producer;
    private final int count;
    private int taken;

    private Batches(ImageSet set, Normalization norm, int batchSize, int[] order) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1");
        }
        this.count = (order.length + batchSize - 1) / batchSize;
        float[][] lut = lookup(norm, set.channels());
        this.producer = new Thread(() -> produce(set, lut, batchSize, order), "ffcnn-batches");
        producer.setDaemon(true);
        producer.start();
    }

    /** A pass in a random order drawn from {@code seed} (same seed, same order). */
    public static Batches shuffled(ImageSet set, Normalization norm, int batchSize, long seed) {
        int[] order = new int[set.size()];
        Arrays.setAll(order, i -> i);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new Batches(set, norm, batchSize, order);
    }

    /** A pass in file order. */
    public static Batches ordered(ImageSet set, Normalization norm, int batchSize) {
        int[] order = new int[set.size()];
        Arrays.setAll(order, i -> i);
        return new Batches(set, norm, batchSize, order);
    }

    /** Number of batches in the pass. */
    public int count() {
        return count;
    }

    private static float[][] lookup(Normalization norm, int channels) {
        if (norm.mean().length != channels) {
            throw new IllegalArgumentException(norm.mean().length + " normalisation channels for " + channels);
        }
        float[][] lut = new float[channels][256];
        for (int c = 0; c < channels; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (v / 255f - norm.mean()[c]) / norm.std()[c];
            }
        }
        return lut;
    }

    private void produce(ImageSet set, float[][] lut, int batchSize, int[] order) {
        try {
            int bytes = set.imageBytes();
            int plane = set.height() * set.width();
            byte[] px = set.pixels();
            for (int start = 0; start < order.length; start += batchSize) {
                int n = Math.min(batchSize, order.length - start);
                float[] images = new float[n * bytes];
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    int src = order[start + i] * bytes;
                    for (int j = 0; j < bytes; j++) {
                        images[i * bytes + j] = lut[j / plane][px[src + j] & 0xff];
                    }
                    labels[i] = set.labels()[order[start + i]];
                }
                queue.put(new Batch(images, labels, n, set.channels(), set.height(), set.width()));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            queue.offer(e);
        }
    }

    @Override
    public boolean hasNext() {
        return taken < count;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            Object o = queue.take();
            if (o instanceof RuntimeException e) {
                throw e;
            }
            taken++;
            return (Batch) o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
    }

    /** Stops the background thread, also in the middle of a pass. */
    @Override
    public void close() {
        producer.interrupt();
        queue.clear();
    }
}
