package ffcnn.data;

import ffcnn.UserInputException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (MNIST, Fashion-MNIST), raw or gzip-compressed (detected by the gzip magic
 * {@code 1f 8b}). An IDX file is a big-endian magic {@code 0x0000 08 nd} (unsigned bytes, {@code nd}
 * dimensions), {@code nd} big-endian sizes, then the bytes. Every defect is a {@link UserInputException}
 * naming the file.
 */
public final class IdxReader {

    /** Magic of an image file: unsigned bytes, 3 dimensions (count, rows, columns). */
    public static final int IMAGES_MAGIC = 0x0803;
    /** Magic of a label file: unsigned bytes, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x0801;

    /**
     * The content of one IDX file.
     *
     * @param file       where it was read from
     * @param dims       sizes, the item count first
     * @param data       the bytes after the header
     * @param contentMd5 md5 of the uncompressed content (header and data), hex
     */
    public record IdxFile(Path file, int[] dims, byte[] data, String contentMd5) {

        /** Number of items (the first dimension). */
        public int count() {
            return dims[0];
        }
    }

    private IdxReader() {
    }

    /** Reads an image file and a label file into one set, checking counts and label range. */
    public static ImageSet read(Path images, Path labels, int numClasses, String name) {
        return toImageSet(readImages(images), readLabels(labels), numClasses, name);
    }

    /** Reads an image file (magic {@code 0x803}). */
    public static IdxFile readImages(Path file) {
        return read(file, IMAGES_MAGIC);
    }

    /** Reads a label file (magic {@code 0x801}). */
    public static IdxFile readLabels(Path file) {
        return read(file, LABELS_MAGIC);
    }

    /** Joins images and labels that were read, checking that counts agree and labels are in {@code 0..numClasses-1}. */
    public static ImageSet toImageSet(IdxFile images, IdxFile labels, int numClasses, String name) {
        if (images.count() != labels.count()) {
            throw new UserInputException(images.file() + " has " + images.count() + " images but "
                    + labels.file() + " has " + labels.count() + " labels");
        }
        int[] y = new int[labels.count()];
        byte[] raw = labels.data();
        for (int i = 0; i < y.length; i++) {
            y[i] = raw[i] & 0xff;
            if (y[i] >= numClasses) {
                throw new UserInputException(labels.file() + ": label " + y[i] + " of item " + i
                        + " is out of range 0.." + (numClasses - 1));
            }
        }
        return new ImageSet(name, images.data(), y, 1, images.dims()[1], images.dims()[2], numClasses);
    }

    /** Reads an IDX file whose magic must be {@code expectedMagic}. */
    public static IdxFile read(Path file, int expectedMagic) {
        requireReadable(file);
        try (InputStream in = open(file)) {
            DataInputStream data = new DataInputStream(in);
            int[] dims = readHeader(file, data, expectedMagic);
            long bytes = 1;
            for (int d : dims) {
                bytes *= d;
            }
            if (bytes > Integer.MAX_VALUE - 64) {
                throw new UserInputException(file + ": header declares " + bytes + " bytes, too many");
            }
            byte[] body = readBody(file, in, (int) bytes, 4L + 4L * dims.length);
            return new IdxFile(file, dims, body, md5(expectedMagic, dims, body));
        } catch (ZipException e) {
            throw new UserInputException(file + ": not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static void requireReadable(Path file) {
        if (!Files.exists(file)) {
            throw new UserInputException(file + ": missing file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserInputException(file + ": not a readable file");
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static int[] readHeader(Path file, DataInputStream in, int expectedMagic) throws IOException {
        int nd = expectedMagic & 0xff;
        try {
            int magic = in.readInt();
            if (magic != expectedMagic) {
                throw new UserInputException(String.format("%s: magic 0x%08x (%s), expected 0x%08x (%s)",
                        file, magic, describe(magic), expectedMagic, describe(expectedMagic)));
            }
            int[] dims = new int[nd];
            for (int i = 0; i < nd; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0 || i > 0 && dims[i] == 0) {
                    throw new UserInputException(file + ": bad size " + dims[i] + " in dimension " + i);
                }
            }
            return dims;
        } catch (EOFException e) {
            throw new UserInputException(file + ": truncated, expected a header of " + (4 + 4 * nd)
                    + " bytes", e);
        }
    }

    private static byte[] readBody(Path file, InputStream in, int bytes, long headerBytes) throws IOException {
        byte[] body = new byte[bytes];
        int off = 0;
        try {
            while (off < bytes) {
                int n = in.read(body, off, bytes - off);
                if (n < 0) {
                    break;
                }
                off += n;
            }
        } catch (EOFException e) {
            // a gzip stream cut short: report it as the truncation it is, below
        }
        if (off < bytes) {
            throw new UserInputException(file + ": truncated, expected " + (headerBytes + bytes)
                    + " bytes (uncompressed), found " + (headerBytes + off));
        }
        if (in.read() >= 0) {
            throw new UserInputException(file + ": longer than its header declares (" + (headerBytes + bytes)
                    + " bytes uncompressed)");
        }
        return body;
    }

    private static String describe(int magic) {
        return switch (magic) {
            case IMAGES_MAGIC -> "IDX images";
            case LABELS_MAGIC -> "IDX labels";
            default -> (magic >>> 16) == 0x1f8b ? "gzip inside gzip?" : "not an IDX file of unsigned bytes";
        };
    }

    private static String md5(int magic, int[] dims, byte[] body) {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
        for (int d : dims) {
            header.putInt(d);
        }
        MessageDigest md = Checksums.newMd5();
        md.update(header.array());
        md.update(body);
        return Checksums.hex(md.digest());
    }
}
