package ffcnn.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes small image trees for tests with {@code javax.imageio}: PNG or JPEG, grey or colour. */
public final class ImageTrees {

    private ImageTrees() {
    }

    /**
     * Writes image {@code file}, {@code size x size}, filled with a pattern that depends on {@code seed}
     * (classes differ in brightness so that a network can tell them apart).
     */
    public static Path image(Path file, int size, boolean colour, int seed) {
        BufferedImage img = new BufferedImage(size, size, colour ? BufferedImage.TYPE_INT_RGB
                : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = (seed * 37 + x * 5 + y * 3) & 0xff;
                img.setRGB(x, y, colour ? (v << 16) | ((255 - v) << 8) | (seed * 50 & 0xff) : v * 0x010101);
            }
        }
        String name = file.getFileName().toString();
        String format = name.endsWith(".png") ? "png" : "jpg";
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A tree {@code dir/<part>/<class>/<class>_<i>.png} for each part, {@code perClass} images per class.
     */
    public static Path tree(Path dir, List<String> parts, List<String> classes, int perClass, int size,
            boolean colour) {
        for (String part : parts) {
            for (int k = 0; k < classes.size(); k++) {
                for (int i = 0; i < perClass; i++) {
                    image(dir.resolve(part).resolve(classes.get(k)).resolve(classes.get(k) + "_" + i + ".png"), size,
                            colour, k * 3 + i);
                }
            }
        }
        return dir;
    }

    /** Replaces {@code file} with its first {@code bytes} bytes. */
    public static void truncate(Path file, int bytes) {
        try {
            byte[] all = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(all, Math.min(bytes, all.length)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
