package ffcnn.data;

import ffcnn.UserInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads one PNG/JPEG/BMP/GIF image into the uint8 NCHW layout of a dataset (grey or RGB, resized). */
public final class ImageFile {

    private ImageFile() {
    }

    /** The image at {@code file} as one-image {@link ImageSet} of the given shape, label 0. */
    public static ImageSet read(Path file, int channels, int height, int width, int classes) {
        BufferedImage img;
        try {
            if (!Files.isRegularFile(file)) {
                throw new UserInputException(file + ": no such image file");
            }
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read image: " + e.getMessage());
        }
        if (img == null) {
            throw new UserInputException(file + ": not an image format this reader knows (PNG, JPEG, BMP, GIF)");
        }
        byte[] px = new byte[channels * height * width];
        ImageDecoder.toBytes(img, channels, height, width, px, 0);
        return new ImageSet(file.getFileName().toString(), px, new int[] {0}, channels, height, width, classes);
    }
}
