package ffcnn.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small dataset files in the exact official formats, for tests. */
final class DatasetFixtures {

    /** The folder of real dataset {@code id}, found as users' runs find it; skips the test where it is missing. */
    static Path real(String id) {
        return ffcnn.testing.RealData.require(id);
    }

    private DatasetFixtures() {
    }

    /** An IDX image file of {@code n} images {@code rows x cols}; pixel {@code p} of image {@code i} is {@code i+p}. */
    static byte[] idxImages(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols).putInt(0x803).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < rows * cols; p++) {
                b.put((byte) (i + p));
            }
        }
        return b.array();
    }

    /** An IDX label file with these labels. */
    static byte[] idxLabels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(0x801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    /** Writes the four MNIST-named {@code .gz} files (n train, m test images of 28x28) into {@code dir}. */
    static Path writeMnistLike(Path dir, int n, int m) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(n, 28, 28)));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(cycle(n, 10))));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(m, 28, 28)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(cycle(m, 10))));
        return dir;
    }

    static int[] cycle(int n, int k) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % k;
        }
        return y;
    }

    /**
     * CIFAR records: CIFAR-10 with one label byte {@code fine[i]}; CIFAR-100 ({@code coarse != null}) with the
     * coarse then the fine label byte. Pixel {@code p} of record {@code i} is {@code 7 * i + p}.
     */
    static byte[] cifarRecords(int[] coarse, int[] fine) {
        int labelBytes = coarse == null ? 1 : 2;
        ByteBuffer b = ByteBuffer.allocate(fine.length * (labelBytes + 3072));
        for (int i = 0; i < fine.length; i++) {
            if (coarse != null) {
                b.put((byte) coarse[i]);
            }
            b.put((byte) fine[i]);
            for (int p = 0; p < 3072; p++) {
                b.put((byte) (7 * i + p));
            }
        }
        return b.array();
    }
}
