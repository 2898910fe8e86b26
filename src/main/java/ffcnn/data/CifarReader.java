package ffcnn.data;

import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary versions of CIFAR-10 and CIFAR-100. A file is a sequence of records without header:
 * the label byte(s) (CIFAR-10: the label; CIFAR-100: coarse label, then fine label), then 3072 pixel bytes,
 * the red, green and blue 32x32 planes, rows top to bottom. Every defect is a {@link UserInputException}
 * naming the file.
 */
public final class CifarReader {

    /** Pixel bytes per record. */
    public static final int PIXELS = 3 * 32 * 32;

    /** Which record layout, and which label of it becomes the class. */
    public enum LabelKind {
        /** CIFAR-10: one label byte, 10 classes. */
        CIFAR10(1, 0, 10),
        /** CIFAR-100, the 20 superclasses (first label byte). */
        CIFAR100_COARSE(2, 0, 20),
        /** CIFAR-100, the 100 classes (second label byte). */
        CIFAR100_FINE(2, 1, 100);

        private final int labelBytes;
        private final int labelIndex;
        private final int numClasses;

        LabelKind(int labelBytes, int labelIndex, int numClasses) {
            this.labelBytes = labelBytes;
            this.labelIndex = labelIndex;
            this.numClasses = numClasses;
        }

        /** Bytes per record: label bytes plus {@link #PIXELS}. */
        public int recordBytes() {
            return labelBytes + PIXELS;
        }

        /** Number of classes of the chosen label. */
        public int numClasses() {
            return numClasses;
        }
    }

    /**
     * One file's records.
     *
     * @param file   where it was read from
     * @param pixels {@code labels.length * 3072} bytes, NCHW
     * @param labels the chosen label per record
     * @param md5    md5 of the whole file, hex
     */
    public record CifarFile(Path file, byte[] pixels, int[] labels, String md5) {
    }

    private CifarReader() {
    }

    /** Reads {@code files} in order into one set. */
    public static ImageSet read(List<Path> files, LabelKind kind, String name) {
        List<CifarFile> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(readFile(f, kind));
        }
        return combine(parts, kind, name);
    }

    /** Reads one file, checking its size and every label. */
    public static CifarFile readFile(Path file, LabelKind kind) {
        IdxReader.requireReadable(file);
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        int rec = kind.recordBytes();
        if (raw.length == 0 || raw.length % rec != 0) {
            long expected = Math.max(1, ((long) raw.length + rec - 1) / rec) * rec;
            throw new UserInputException(file + ": truncated, expected a multiple of " + rec + "-byte records ("
                    + expected + " bytes), found " + raw.length + " bytes");
        }
        int n = raw.length / rec;
        byte[] pixels = new byte[n * PIXELS];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int at = i * rec;
            checkLabels(file, raw, at, i, kind);
            labels[i] = raw[at + kind.labelIndex] & 0xff;
            System.arraycopy(raw, at + kind.labelBytes, pixels, i * PIXELS, PIXELS);
        }
        return new CifarFile(file, pixels, labels, Checksums.hex(Checksums.newMd5().digest(raw)));
    }

    private static void checkLabels(Path file, byte[] raw, int at, int record, LabelKind kind) {
        for (int b = 0; b < kind.labelBytes; b++) {
            int label = raw[at + b] & 0xff;
            int classes = kind == LabelKind.CIFAR10 ? 10 : b == 0 ? 20 : 100;
            if (label >= classes) {
                String which = kind == LabelKind.CIFAR10 ? "label" : b == 0 ? "coarse label" : "fine label";
                throw new UserInputException(file + ": " + which + " " + label + " of record " + record
                        + " is out of range 0.." + (classes - 1));
            }
        }
    }

    /** Concatenates files that were read, in order. */
    public static ImageSet combine(List<CifarFile> parts, LabelKind kind, String name) {
        int n = parts.stream().mapToInt(p -> p.labels().length).sum();
        byte[] pixels = new byte[n * PIXELS];
        int[] labels = new int[n];
        int at = 0;
        for (CifarFile p : parts) {
            System.arraycopy(p.pixels(), 0, pixels, at * PIXELS, p.pixels().length);
            System.arraycopy(p.labels(), 0, labels, at, p.labels().length);
            at += p.labels().length;
        }
        return new ImageSet(name, pixels, labels, 3, 32, 32, kind.numClasses());
    }
}
