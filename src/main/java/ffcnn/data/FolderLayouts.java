package ffcnn.data;

import ffcnn.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder layouts ffcnn reads: any tree of class folders ({@link #generic}), ImageNet's
 * ({@link #imageNet}) and Tiny-ImageNet's ({@link TinyImageNetLayout}).
 */
public final class FolderLayouts {

    /** ImageNet's per-channel mean and std of {@code x / 255} (torchvision; Tiny-ImageNet too). */
    public static final Normalization IMAGENET = new Normalization(new float[] {0.485f, 0.456f, 0.406f},
            new float[] {0.229f, 0.224f, 0.225f});

    private FolderLayouts() {
    }

    /**
     * Any tree {@code dir/train/<class>/<image>} with {@code dir/test/<class>/<image>} (or {@code dir/val/...}
     * when there is no {@code test/}). Classes are the training class folders sorted by name; the test part
     * must have a folder for each. Normalisation is computed from the training images; validation holds
     * out a tenth of the training images by default.
     */
    public static ImageFolder generic(String id, Path dir) {
        requireReadableDir(dir, id);
        Path train = dir.resolve("train");
        if (!Files.isDirectory(train)) {
            throw new UserInputException(dir + ": no train/ folder (expected " + dir
                    + "/train/<class>/<image> and " + dir + "/test/<class>/<image>)");
        }
        Path test = dir.resolve("test");
        if (!Files.isDirectory(test)) {
            test = dir.resolve("val");
        }
        if (!Files.isDirectory(test)) {
            throw new UserInputException(dir + ": no test/ or val/ folder (expected " + dir
                    + "/test/<class>/<image>)");
        }
        List<String> classes = ClassFolders.classes(train);
        LabelledFiles trainFiles = ClassFolders.read(train, classes, null);
        return new ImageFolder(id, dir, classes, trainFiles, ClassFolders.read(test, classes, null), null,
                trainFiles.size() / 10);
    }

    /**
     * ImageNet (ILSVRC 2012) as class folders: {@code dir/train/<wnid>/*.JPEG} and {@code dir/val/<wnid>/*.JPEG}
     * (the validation images sorted into class folders, as torchvision expects). Class names are the
     * wnids, or their first word from an optional {@code dir/words.txt} ({@code wnid<TAB>names}). Test = the
     * official validation set; 10,000 training images are held out for validation by default.
     */
    public static ImageFolder imageNet(Path dir) {
        requireReadableDir(dir, "imagenet");
        List<String> wnids = ClassFolders.classes(requireDir(dir.resolve("train"), "imagenet"));
        LabelledFiles train = ClassFolders.read(dir.resolve("train"), wnids, null);
        LabelledFiles test = ClassFolders.read(requireDir(dir.resolve("val"), "imagenet"), wnids, null);
        return new ImageFolder("imagenet", dir, names(dir.resolve("words.txt"), wnids), train, test, IMAGENET,
                10_000);
    }

    /** The first name of each wnid from a {@code words.txt} ({@code wnid<TAB>name, name, ...}), else the wnid. */
    static List<String> names(Path wordsFile, List<String> wnids) {
        Map<String, String> words = new HashMap<>();
        if (Files.isRegularFile(wordsFile)) {
            for (String line : readLines(wordsFile)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    String name = line.substring(tab + 1).split(",")[0].strip();
                    words.put(line.substring(0, tab).strip(), name);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (String w : wnids) {
            names.add(words.getOrDefault(w, w));
        }
        return names;
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static Path requireDir(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + ": no such folder (" + what + ")");
        }
        return dir;
    }

    private static void requireReadableDir(Path dir, String what) {
        requireDir(dir, what);
        if (!Files.isReadable(dir)) {
            throw new UserInputException(dir + ": cannot read directory: permission denied");
        }
    }
}
