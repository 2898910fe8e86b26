package ffcnn.data;

import ffcnn.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiny-ImageNet in its official layout ({@code tiny-imagenet-200/}): {@code wnids.txt} (the 200 class
 * ids), {@code words.txt} ({@code wnid<TAB>names}), {@code train/<wnid>/images/*.JPEG} (500 per class) and
 * {@code val/images/*.JPEG} labelled by {@code val/val_annotations.txt} ({@code file<TAB>wnid<TAB>box}).
 * Classes are the wnids sorted by name (torchvision's ImageFolder order, as the CAW-Conv code); class
 * names are the first name of each wnid in words.txt. The official test set has no labels, so the test
 * part is the official validation set (10,000 images); 10,000 training images are held out for validation
 * by default (specs/caw-conv.md §7).
 */
public final class TinyImageNetLayout {

    private TinyImageNetLayout() {
    }

    /** Reads the layout under {@code dir}. */
    public static ImageFolder read(Path dir) {
        Path wnidsFile = dir.resolve("wnids.txt");
        if (!Files.isRegularFile(wnidsFile)) {
            throw new UserInputException(dir + ": no wnids.txt (not the Tiny-ImageNet layout)");
        }
        List<String> wnids = new ArrayList<>();
        for (String line : FolderLayouts.readLines(wnidsFile)) {
            if (!line.isBlank()) {
                wnids.add(line.strip());
            }
        }
        wnids.sort(null);
        if (wnids.isEmpty()) {
            throw new UserInputException(wnidsFile + ": no class ids");
        }
        LabelledFiles train = ClassFolders.read(FolderLayouts.requireDir(dir.resolve("train"), "tiny-imagenet"),
                wnids, "images");
        LabelledFiles test = validation(dir.resolve("val"), wnids);
        return new ImageFolder("tiny-imagenet", dir, FolderLayouts.names(dir.resolve("words.txt"), wnids), train,
                test, FolderLayouts.IMAGENET, 10_000);
    }

    /** The validation images in the order of val_annotations.txt, labelled by it. */
    private static LabelledFiles validation(Path val, List<String> wnids) {
        Path annotations = val.resolve("val_annotations.txt");
        if (!Files.isRegularFile(annotations)) {
            throw new UserInputException(val + ": no val_annotations.txt (not the Tiny-ImageNet layout)");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < wnids.size(); k++) {
            index.put(wnids.get(k), k);
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> lines = FolderLayouts.readLines(annotations);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] parts = lines.get(i).split("\t");
            Integer k = parts.length < 2 ? null : index.get(parts[1].strip());
            if (k == null) {
                throw new UserInputException(annotations + ": line " + (i + 1) + ": expected file<TAB>wnid with a"
                        + " wnid of wnids.txt, got '" + lines.get(i) + "'");
            }
            Path file = val.resolve("images").resolve(parts[0].strip());
            if (!Files.isRegularFile(file)) {
                throw new UserInputException(file + ": missing (listed in " + annotations.getFileName() + ")");
            }
            files.add(file);
            labels.add(k);
        }
        if (files.isEmpty()) {
            throw new UserInputException(annotations + ": no images listed");
        }
        return new LabelledFiles(files, labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
