package ffcnn.data;

import ffcnn.UserInputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, width, height, null);
        g.dispose();
        byte[] px = new byte[channels * height * width];
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = scaled.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int gr = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int i = y * width + x;
                if (channels == 1) {
                    px[i] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
                } else {
                    px[i] = (byte) r;
                    px[plane + i] = (byte) gr;
                    px[2 * plane + i] = (byte) b;
                }
            }
        }
        return new ImageSet(file.getFileName().toString(), px, new int[] {0}, channels, height, width, classes);
    }
}
