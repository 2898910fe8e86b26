package ffcnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CMYK and YCCK JPEGs (some ImageNet images are) decode to RGB through TwelveMonkeys' JPEG reader. The files are
 * written as Photoshop writes them: four components, stored inverted, and an Adobe APP14 marker whose transform
 * says CMYK (0) or YCCK (2). The JDK's writer writes the four bands of a raster as they are; the marker is
 * spliced in after the start-of-image marker.
 */
class ImageDecoderTest {

    private static final int WIDTH = 16;
    private static final int HEIGHT = 12;
    /** The left half red, the right half blue, as C, M, Y, K. */
    private static final int[] RED = {0, 255, 255, 0};
    private static final int[] BLUE = {255, 255, 0, 0};

    @TempDir
    Path dir;

    @Test
    void cmykJpegDecodesToRgbOfItsSize() throws IOException {
        assertRedThenBlue(adobeJpeg(dir.resolve("cmyk.jpg"), false));
    }

    @Test
    void ycckJpegDecodesToRgbOfItsSize() throws IOException {
        assertRedThenBlue(adobeJpeg(dir.resolve("ycck.jpg"), true));
    }

    @Test
    void truncatedCmykJpegIsStillDamage() throws IOException {
        Path file = adobeJpeg(dir.resolve("cut.jpg"), false);
        ImageTrees.truncate(file, (int) Files.size(file) - 20);
        assertThatThrownBy(() -> ImageDecoder.decode(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("cut.jpg");
    }

    @Test
    void jpegsAreReadByTheTwelveMonkeysReader() throws IOException {
        // JDK 17 builds with JDK-8274735 decode plain CMYK files too, earlier ones fail ("Unsupported Image Type");
        // the reader ImageIO picks must be TwelveMonkeys' whatever the build
        Path file = adobeJpeg(dir.resolve("cmyk.jpg"), false);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            assertThat(ImageIO.getImageReaders(in).next().getClass().getName()).startsWith("com.twelvemonkeys.");
        }
    }

    private static void assertRedThenBlue(Path file) {
        assertThat(ImageDecoder.header(file)).isEqualTo(new ImageDecoder.Header(WIDTH, HEIGHT, 3));
        BufferedImage img = ImageDecoder.decode(file);
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(WIDTH, HEIGHT);
        byte[] rgb = new byte[3 * WIDTH * HEIGHT];
        ImageDecoder.toBytes(img, 3, HEIGHT, WIDTH, rgb, 0);
        int plane = WIDTH * HEIGHT;
        int left = 5 * WIDTH + 2;
        int right = 5 * WIDTH + WIDTH - 3;
        assertThat(channels(rgb, left, plane)).satisfies(c -> {
            assertThat(c[0]).isGreaterThan(220);
            assertThat(c[1]).isLessThan(40);
            assertThat(c[2]).isLessThan(40);
        });
        assertThat(channels(rgb, right, plane)).satisfies(c -> {
            assertThat(c[0]).isLessThan(40);
            assertThat(c[1]).isLessThan(40);
            assertThat(c[2]).isGreaterThan(220);
        });
    }

    private static int[] channels(byte[] planes, int pixel, int plane) {
        return new int[] {planes[pixel] & 0xff, planes[plane + pixel] & 0xff, planes[2 * plane + pixel] & 0xff};
    }

    /** A CMYK JPEG, or with {@code ycck} its C, M, Y stored as YCbCr, with the Adobe marker that says so. */
    private static Path adobeJpeg(Path file, boolean ycck) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, WIDTH, HEIGHT, 4, null);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int[] cmyk = x < WIDTH / 2 ? RED : BLUE;
                int[] stored = {255 - cmyk[0], 255 - cmyk[1], 255 - cmyk[2], 255 - cmyk[3]};
                if (ycck) { // the inverted C, M, Y are R, G, B: the JFIF conversion to Y, Cb, Cr
                    int r = 255 - stored[0];
                    int g = 255 - stored[1];
                    int b = 255 - stored[2];
                    stored[0] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
                    stored[1] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                    stored[2] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
                }
                raster.setPixel(x, y, stored);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(new IIOImage(raster, null, null));
        } finally {
            writer.dispose();
        }
        byte[] plain = jpeg.toByteArray();
        // APP14: length 14, "Adobe", version 100, flags 0 and 0, transform
        byte[] adobe = {(byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
            (byte) (ycck ? 2 : 0)};
        ByteArrayOutputStream marked = new ByteArrayOutputStream();
        marked.write(plain, 0, 2);
        marked.write(adobe);
        marked.write(plain, 2, plain.length - 2);
        return Files.write(file, marked.toByteArray());
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
