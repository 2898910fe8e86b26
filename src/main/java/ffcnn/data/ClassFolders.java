package ffcnn.data;

import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a folder of class folders, {@code <dir>/<class>/<image>} (or {@code <dir>/<class>/<sub>/<image>}
 * with a fixed {@code sub}, as Tiny-ImageNet's {@code images/}). Classes and files are sorted by name;
 * files count as images by their extension ({@link #isImage}), others (and hidden files) are ignored.
 */
public final class ClassFolders {

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private ClassFolders() {
    }

    /** The class folders under {@code dir}, sorted by name; at least one. */
    public static List<String> classes(Path dir) {
        List<String> names = new ArrayList<>();
        for (Path p : list(dir)) {
            if (Files.isDirectory(p) && !hidden(p)) {
                names.add(p.getFileName().toString());
            }
        }
        if (names.isEmpty()) {
            throw new UserInputException(dir + ": no class folders (expected " + dir + "/<class>/<image>)");
        }
        return names;
    }

    /**
     * The images of every class in {@code classes} under {@code dir}, class by class, each class's files by
     * name; {@code sub} is a folder inside each class folder, or null.
     *
     * @throws UserInputException for a missing or unreadable class folder, or one without images
     */
    public static LabelledFiles read(Path dir, List<String> classes, String sub) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            Path folder = dir.resolve(classes.get(k));
            if (sub != null) {
                folder = folder.resolve(sub);
            }
            if (!Files.isDirectory(folder)) {
                throw new UserInputException(folder + ": no such folder (class " + classes.get(k) + ")");
            }
            int before = files.size();
            for (Path p : list(folder)) {
                if (isImage(p) && Files.isRegularFile(p)) {
                    files.add(p);
                    labels.add(k);
                }
            }
            if (files.size() == before) {
                throw new UserInputException(folder + ": class folder holds no images (.png, .jpg, .jpeg, .bmp,"
                        + " .gif)");
            }
        }
        return new LabelledFiles(files, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether {@code file} is named like an image this reader decodes, and not hidden. */
    public static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !hidden(file) && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The entries of {@code dir}, sorted by name. */
    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + ": no such directory");
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new UserInputException(dir + ": cannot read directory: "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()), e);
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return entries;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }
}
