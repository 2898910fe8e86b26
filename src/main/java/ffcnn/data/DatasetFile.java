package ffcnn.data;

/**
 * One file of a dataset's official distribution and its published checksum.
 *
 * @param name       file name, e.g. {@code train-images-idx3-ubyte.gz}
 * @param md5        md5 of the official file as published (hex, lower case)
 * @param contentMd5 for a {@code .gz} file the md5 of its decompressed content, which survives a
 *                   rewritten gzip header (Debian's packages do that); {@code null} for other files
 */
public record DatasetFile(String name, String md5, String contentMd5) {

    public DatasetFile {
        if (name == null || name.isBlank() || md5 == null || md5.length() != 32) {
            throw new IllegalArgumentException("bad dataset file entry: " + name + " " + md5);
        }
    }

    /** A file whose content is checked as is. */
    public static DatasetFile of(String name, String md5) {
        return new DatasetFile(name, md5, null);
    }

    /**
     * This file in {@code dir}: under its official name, or, for a {@code .gz} file found only
     * decompressed, under its name without {@code .gz} (the content checksum covers both).
     */
    public java.nio.file.Path in(java.nio.file.Path dir) {
        java.nio.file.Path official = dir.resolve(name);
        if (compressed() && name.endsWith(".gz") && !java.nio.file.Files.exists(official)) {
            java.nio.file.Path raw = dir.resolve(name.substring(0, name.length() - 3));
            if (java.nio.file.Files.exists(raw)) {
                return raw;
            }
        }
        return official;
    }

    /** True for gzip-compressed files, whose content checksum is also known. */
    public boolean compressed() {
        return contentMd5 != null;
    }
}
