package ffcnn.data;

import ffcnn.UserInputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files with {@code javax.imageio} (PNG, JPEG, BMP, GIF) into the uint8 planar layout of a
 * dataset: grey or RGB, resized (bilinear) to a fixed height and width. JPEGs are read by TwelveMonkeys'
 * reader (a dependency that registers itself with ImageIO ahead of the JDK's), which also decodes CMYK and
 * YCCK JPEGs, converted to RGB. A file that the reader cannot
 * decode, or decodes only with a warning (a truncated JPEG), is a {@link UserInputException} naming it.
 */
public final class ImageDecoder {

    /**
     * Reader warnings that are no damage: colour conversion and ignored metadata (TwelveMonkeys on a CMYK JPEG
     * without a profile: "No embedded ICC color profile, will convert using inaccurate CMYK to RGB conversion";
     * "..., ignoring thumbnail"; the JDK: "...; ignored"). The pixels are all there.
     */
    private static final Pattern NOT_DAMAGE = Pattern.compile("\\bICC\\b|(?i)ignor");

    private ImageDecoder() {
    }

    /** The header of an image: its size and number of bands (1 grey, 2 grey and alpha, 3 or 4 colour). */
    public record Header(int width, int height, int bands) {
        /** Whether the image has colour (three or more bands). */
        public boolean colour() {
            return bands >= 3;
        }
    }

    /** Reads only the header of {@code file}. */
    public static Header header(Path file) {
        try (ImageInputStream in = open(file)) {
            ImageReader reader = readerFor(file, in);
            try {
                reader.setInput(in, true, true);
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                int bands = types.hasNext() ? types.next().getNumBands() : 3;
                return new Header(reader.getWidth(0), reader.getHeight(0), bands);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    /**
     * Decodes {@code file} completely; a reader warning about the data (truncated, corrupt) counts as an error,
     * one about colour conversion or ignored metadata does not.
     */
    public static BufferedImage decode(Path file) {
        try (ImageInputStream in = open(file)) {
            ImageReader reader = readerFor(file, in);
            String[] warning = new String[1];
            IIOReadWarningListener listener = (r, w) -> {
                if (!NOT_DAMAGE.matcher(w).find()) {
                    warning[0] = w;
                }
            };
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener(listener);
                BufferedImage img = reader.read(0);
                if (warning[0] != null) {
                    throw new UserInputException(file + ": damaged image: " + warning[0]);
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    /**
     * Writes {@code img}, resized to {@code width x height}, into {@code dst} from {@code offset}: one plane
     * ({@code 0.299 R + 0.587 G + 0.114 B}) for {@code channels = 1}, else R, G and B planes.
     */
    public static void toBytes(BufferedImage img, int channels, int height, int width, byte[] dst, int offset) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, width, height, null);
        g.dispose();
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = scaled.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int gr = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int i = offset + y * width + x;
                if (channels == 1) {
                    dst[i] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
                } else {
                    dst[i] = (byte) r;
                    dst[plane + i] = (byte) gr;
                    dst[2 * plane + i] = (byte) b;
                }
            }
        }
    }

    private static ImageInputStream open(Path file) throws IOException {
        ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
        if (in == null) {
            throw new UserInputException(file + ": cannot open image file");
        }
        return in;
    }

    private static ImageReader readerFor(Path file, ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new UserInputException(file + ": not an image format this reader knows (PNG, JPEG, BMP, GIF)");
        }
        return readers.next();
    }

    private static UserInputException corrupt(Path file, Exception e) {
        if (e instanceof UserInputException u) {
            return u;
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UserInputException(file + ": cannot decode image: " + why.lines().findFirst().orElse(why), e);
    }
}
