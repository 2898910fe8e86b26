package ffcnn.data;

import ffcnn.UserInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * md5 checksums of dataset files against the published ones. A {@code .gz} file also passes when its
 * decompressed content has the official content md5: repackagers (Debian) rewrite gzip headers.
 */
public final class Checksums {

    /** Outcome for one file. */
    public enum Status { OK, MISMATCH, MISSING }

    /**
     * Check of one file of a dataset.
     *
     * @param file      the official file
     * @param path      where it was looked for
     * @param status    ok, mismatch or missing
     * @param actualMd5 md5 found (of the content for a compressed file that does not match as is); null if missing
     */
    public record FileCheck(DatasetFile file, Path path, Status status, String actualMd5) {
    }

    private Checksums() {
    }

    /** md5 of the file's bytes, hex. */
    public static String md5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** md5 of the decompressed content of a gzip file (of the bytes as they are for other files), hex. */
    public static String contentMd5(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return digest(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Checks every file of {@code dataset} in {@code dir}. */
    public static List<FileCheck> verify(KnownDataset dataset, Path dir) {
        List<FileCheck> checks = new ArrayList<>();
        for (DatasetFile f : dataset.files()) {
            checks.add(check(f, f.in(dir)));
        }
        return checks;
    }

    /** Checks one file against its official checksums. */
    public static FileCheck check(DatasetFile file, Path path) {
        if (!Files.isRegularFile(path)) {
            return new FileCheck(file, path, Status.MISSING, null);
        }
        String md5 = md5(path);
        if (md5.equals(file.md5())) {
            return new FileCheck(file, path, Status.OK, md5);
        }
        if (file.compressed()) {
            String content = contentMd5OrNull(path);
            return new FileCheck(file, path, file.contentMd5().equals(content) ? Status.OK : Status.MISMATCH,
                    content == null ? md5 : content);
        }
        return new FileCheck(file, path, Status.MISMATCH, md5);
    }

    /** One word per dataset for tables: {@code ok}, else the first {@code MISMATCH: file} or {@code missing: file}. */
    public static String summary(List<FileCheck> checks) {
        for (FileCheck c : checks) {
            if (c.status() == Status.MISMATCH) {
                return "MISMATCH: " + c.file().name();
            }
        }
        for (FileCheck c : checks) {
            if (c.status() == Status.MISSING) {
                return "missing: " + c.file().name();
            }
        }
        return "ok";
    }

    private static String contentMd5OrNull(Path path) {
        try {
            return contentMd5(path);
        } catch (UserInputException e) {
            return null; // not valid gzip: a mismatch, reported with the plain md5
        }
    }

    private static String digest(InputStream in) throws IOException {
        MessageDigest md = newMd5();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return hex(md.digest());
    }

    static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no MD5", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
