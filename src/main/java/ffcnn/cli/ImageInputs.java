package ffcnn.cli;

import ffcnn.UserInputException;
import ffcnn.data.ImageFile;
import ffcnn.data.ImageSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The image files {@code predict} was given: files as named, folders as every image in them, by name. */
final class ImageInputs {

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private ImageInputs() {
    }

    /** The files named and those in the folders named, in that order; each folder's sorted by name. */
    static List<Path> expand(List<Path> args) {
        List<Path> files = new ArrayList<>();
        for (Path p : args) {
            if (Files.isDirectory(p)) {
                List<Path> inFolder = imagesIn(p);
                if (inFolder.isEmpty()) {
                    throw new UserInputException(p + ": no images in this folder (PNG, JPEG, BMP, GIF)");
                }
                files.addAll(inFolder);
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new UserInputException(p + ": no such image file or folder");
            }
        }
        return files;
    }

    private static List<Path> imagesIn(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> Files.isRegularFile(f) && isImageName(f)).sorted().toList();
        } catch (IOException e) {
            throw new UserInputException(dir + ": cannot list the folder: " + ffcnn.io.OsErrors.reason(e));
        }
    }

    private static boolean isImageName(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * The images as one set of the model's shape. A single image is given twice: the engine runs a batch
     * of one through a convolution path that warns about unsupported hardware on some CPUs; two avoid it.
     */
    static ImageSet read(List<Path> files, int[] shape, int classes) {
        List<Path> all = files.size() == 1 ? List.of(files.get(0), files.get(0)) : files;
        int bytes = shape[0] * shape[1] * shape[2];
        byte[] pixels = new byte[all.size() * bytes];
        for (int i = 0; i < all.size(); i++) {
            ImageSet one = ImageFile.read(all.get(i), shape[0], shape[1], shape[2], classes);
            System.arraycopy(one.pixels(), 0, pixels, i * bytes, bytes);
        }
        return new ImageSet("images", pixels, new int[all.size()], shape[0], shape[1], shape[2], classes);
    }
}
