package ffcnn.report;

import ffcnn.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a matrix as a heat map with plain Java 2D (XChart's heat map draws one shape per cell, too slow
 * for 1600 x 200). A cell is at least 1 pixel: up to 800 rows fill about 800 pixels, more rows get one
 * pixel each; columns likewise up to 800 pixels wide. Viridis colours, NaN grey, colour bar on the right.
 */
final class HeatMapImage {

    private static final int LEFT = 80;
    private static final int TOP = 56;
    private static final int BOTTOM = 60;
    private static final int RIGHT = 110;
    private static final int BAR_WIDTH = 18;
    private static final int NAN_RGB = 0xB0B0B0;
    private static final float[][] VIRIDIS = {
        {68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
        {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37}};
    private static final int[] LUT = lut();

    static {
        ImageIO.setUseCache(false);
    }

    private HeatMapImage() {
    }

    /** The heat map of {@code m}, rows top to bottom, columns left to right, coloured over its own range. */
    static BufferedImage render(float[][] m, String title, String xLabel, String yLabel) {
        return render(m, title, null, xLabel, yLabel, range(m), null);
    }

    /**
     * The heat map of {@code m} with colours over {@code range}, a {@code subtitle} (or null) and the
     * columns named by {@code columnNames} (or numbered when null).
     */
    static BufferedImage render(float[][] m, String title, String subtitle, String xLabel, String yLabel,
            float[] range, List<String> columnNames) {
        if (m.length == 0 || m[0].length == 0) {
            throw new IllegalArgumentException("heat map needs at least one row and one column");
        }
        int rows = m.length;
        int cols = m[0].length;
        int cellW = Math.max(1, Math.min(40, 800 / cols));
        int cellH = Math.max(1, Math.min(24, 800 / rows));
        int plotW = cols * cellW;
        int plotH = rows * cellH;
        int width = LEFT + Math.max(plotW, 200) + RIGHT;
        int names = columnNames == null ? 0 : 8 + columnNames.stream().mapToInt(n -> n.length() * 6).max().orElse(0);
        int height = TOP + Math.max(plotH, 120) + BOTTOM + names;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            fillCells(img, m, range, cellW, cellH);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(LEFT - 1, TOP - 1, plotW + 1, plotH + 1);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            drawTicks(g, rows, cols, cellW, cellH, columnNames);
            drawColourBar(g, img, range, LEFT + plotW + 20, plotH);
            drawTitles(g, new String[] {title, subtitle, xLabel, yLabel}, plotW, plotH, names);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Title, subtitle (may be null), x and y label; the x label {@code below} the column names' space. */
    private static void drawTitles(Graphics2D g, String[] texts, int plotW, int plotH, int below) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        centre(g, texts[0], LEFT + plotW / 2, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        if (texts[1] != null) {
            centre(g, texts[1], LEFT + plotW / 2, 42);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        centre(g, texts[2], LEFT + plotW / 2, TOP + plotH + 44 + below);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        centre(g, texts[3], -(TOP + plotH / 2), 18);
        g.setTransform(saved);
    }

    /** Writes {@code img} as PNG to {@code png}, atomically. */
    static void write(BufferedImage img, Path png) {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    private static void fillCells(BufferedImage img, float[][] m, float[] range, int cellW, int cellH) {
        int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int width = img.getWidth();
        for (int r = 0; r < m.length; r++) {
            if (m[r].length != m[0].length) {
                throw new IllegalArgumentException("row " + r + " has " + m[r].length + " values, expected "
                        + m[0].length);
            }
            for (int c = 0; c < m[r].length; c++) {
                int rgb = colour(m[r][c], range);
                for (int y = 0; y < cellH; y++) {
                    int base = (TOP + r * cellH + y) * width + LEFT + c * cellW;
                    java.util.Arrays.fill(pixels, base, base + cellW, rgb);
                }
            }
        }
    }

    private static void drawTicks(Graphics2D g, int rows, int cols, int cellW, int cellH, List<String> names) {
        int xStep = names != null ? 1 : step(cols, Math.max(1, cols * cellW / 40));
        for (int c = 0; c < cols; c += xStep) {
            int x = LEFT + c * cellW + cellW / 2;
            g.drawLine(x, TOP + rows * cellH, x, TOP + rows * cellH + 4);
            if (names == null) {
                centre(g, Integer.toString(c), x, TOP + rows * cellH + 17);
            } else {
                AffineTransform saved = g.getTransform();
                g.translate(x + 4, TOP + rows * cellH + 8);
                g.rotate(Math.PI / 2);
                g.drawString(names.get(c), 0, 0);
                g.setTransform(saved);
            }
        }
        int yStep = step(rows, Math.max(1, rows * cellH / 18));
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < rows; r += yStep) {
            int y = TOP + r * cellH + cellH / 2;
            g.drawLine(LEFT - 5, y, LEFT - 1, y);
            String label = Integer.toString(r);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
    }

    private static void drawColourBar(Graphics2D g, BufferedImage img, float[] range, int x, int plotH) {
        int h = Math.max(plotH, 120);
        for (int y = 0; y < h; y++) {
            int rgb = LUT[Math.round((h - 1 - y) * 255f / Math.max(1, h - 1))];
            for (int dx = 0; dx < BAR_WIDTH; dx++) {
                img.setRGB(x + dx, TOP + y, rgb);
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(x - 1, TOP - 1, BAR_WIDTH + 1, h + 1);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 4; i++) {
            float v = range[0] + (range[1] - range[0]) * i / 4f;
            int y = TOP + h - 1 - Math.round((h - 1) * i / 4f);
            g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 4, y);
            g.drawString(String.format(Locale.ROOT, "%.3g", v), x + BAR_WIDTH + 7, y + fm.getAscent() / 2 - 1);
        }
    }

    /** Smallest of 1, 2, 5, 10, 20, 50, ... that shows at most {@code maxTicks} ticks over {@code n}. */
    static int step(int n, int maxTicks) {
        for (int scale = 1; ; scale *= 10) {
            for (int s : new int[] {1, 2, 5}) {
                if ((long) n <= (long) s * scale * maxTicks) {
                    return s * scale;
                }
            }
        }
    }

    /** The smallest and largest finite value of {@code m}, widened when they are equal. */
    static float[] range(float[][] m) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] row : m) {
            for (float v : row) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new float[] {0f, 1f};
        }
        return lo == hi ? new float[] {lo - 0.5f, hi + 0.5f} : new float[] {lo, hi};
    }

    static int colour(float v, float[] range) {
        if (!Float.isFinite(v)) {
            return NAN_RGB;
        }
        int i = Math.round((v - range[0]) / (range[1] - range[0]) * 255f);
        return LUT[Math.max(0, Math.min(255, i))];
    }

    private static int[] lut() {
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            float t = i / 255f * (VIRIDIS.length - 1);
            int k = Math.min((int) t, VIRIDIS.length - 2);
            float f = t - k;
            int rgb = 0;
            for (int ch = 0; ch < 3; ch++) {
                rgb = (rgb << 8) | Math.round(VIRIDIS[k][ch] + f * (VIRIDIS[k + 1][ch] - VIRIDIS[k][ch]));
            }
            lut[i] = rgb;
        }
        return lut;
    }

    private static void centre(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }
}
