package ffcnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Image files with one class index each, in reading order.
 *
 * @param files  the image files
 * @param labels class index per file
 */
public record LabelledFiles(List<Path> files, int[] labels) {

    public LabelledFiles {
        files = List.copyOf(files);
        if (files.size() != labels.length) {
            throw new IllegalArgumentException(files.size() + " files, " + labels.length + " labels");
        }
        labels = labels.clone();
    }

    /** Number of files. */
    public int size() {
        return labels.length;
    }

    /** The files at {@code indices}, in that order. */
    public LabelledFiles select(int[] indices) {
        List<Path> f = new ArrayList<>(indices.length);
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            f.add(files.get(indices[i]));
            l[i] = labels[indices[i]];
        }
        return new LabelledFiles(f, l);
    }

    /** The first {@code n} files ({@code n <= 0} or beyond the end: all). */
    public LabelledFiles head(int n) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        return new LabelledFiles(files.subList(0, n), Arrays.copyOf(labels, n));
    }
}
