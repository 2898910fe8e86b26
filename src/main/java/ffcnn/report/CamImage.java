package ffcnn.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Class activation maps drawn over their image: the image in grey, the map (scaled to its own range) in viridis
 * colours on top at 55 % opacity, enlarged so that a 28 x 28 image is readable. One PNG per layer and one sheet
 * with the image and every layer side by side.
 */
public final class CamImage {

    /** Side of one panel in pixels. */
    static final int PANEL = 168;
    private static final float ALPHA = 0.55f;
    private static final int CAPTION = 22;

    private CamImage() {
    }

    /**
     * One panel: {@code image} [H][W] (any range, shown in grey) with {@code map} [H][W] over it; without a map,
     * the image alone.
     */
    public static BufferedImage panel(float[][] image, float[][] map, String caption) {
        int h = image.length;
        int w = image[0].length;
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float[] gray = HeatMapImage.range(image);
        float[] heat = map == null ? null : HeatMapImage.range(map);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = Math.round((image[y][x] - gray[0]) / (gray[1] - gray[0]) * 255f);
                int rgb = new Color(g, g, g).getRGB();
                small.setRGB(x, y, map == null ? rgb : blend(rgb, HeatMapImage.colour(map[y][x], heat)));
            }
        }
        BufferedImage out = new BufferedImage(PANEL, PANEL + CAPTION, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, CAPTION, PANEL, PANEL, null);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(caption, 4, 15);
        g.dispose();
        return out;
    }

    /** The panels side by side. */
    public static BufferedImage sheet(List<BufferedImage> panels) {
        int w = panels.stream().mapToInt(BufferedImage::getWidth).sum();
        int h = panels.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = new BufferedImage(Math.max(1, w), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        int x = 0;
        for (BufferedImage p : panels) {
            g.drawImage(p, x, 0, null);
            x += p.getWidth();
        }
        g.dispose();
        return out;
    }

    /** Writes {@code img} as PNG, atomically. */
    public static void write(BufferedImage img, Path png) {
        HeatMapImage.write(img, png);
    }

    private static int blend(int under, int over) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            float a = (under >> shift) & 0xFF;
            float b = (over >> shift) & 0xFF;
            rgb |= Math.round(a * (1 - ALPHA) + b * ALPHA) << shift;
        }
        return rgb;
    }
}
