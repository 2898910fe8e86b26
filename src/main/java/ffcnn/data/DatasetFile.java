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

    /** True for gzip-compressed files, whose content checksum is also known. */
    public boolean compressed() {
        return contentMd5 != null;
    }
}
