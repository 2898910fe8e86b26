package ffcnn.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ffcnn.UserInputException;

/**
 * Morphological labels: class k transforms the image itself with a grey-scale operator of its own
 * (specs/ff-cnn-spatial-labels.md §4.5, reading (a)); the label then cannot be read without the image content.
 *
 * <pre>
 *   dilation:  x~(c, y, x) = max_{t in T_L} x(c, y + t·dy, x + t·dx)
 *   erosion:   x~(c, y, x) = min_{t in T_L} x(c, y + t·dy, x + t·dx)
 *   T_L = { -floor((L-1)/2), ..., ceil((L-1)/2) }          L points on a flat line through the pixel
 * </pre>
 *
 * Points outside the image are left out of the max / min (they never win), so the output at the border is the
 * extremum over the part of the line that lies inside. Each channel is transformed on its own.
 *
 * <p>The paper gives neither the operators nor the label sets (§13 question 2); the table is ours [DESIGN]:
 *
 * <pre>
 *   k = 8·(L - 2) + 2·o + p        L = 2 + k / 8       o = (k mod 8) / 2       p = k mod 2
 *   p: 0 dilation, 1 erosion
 *   o: 0 horizontal (dx, dy) = (1, 0), 1 rising diagonal (1, -1), 2 vertical (0, 1), 3 falling diagonal (1, 1)
 *
 *   k    0  1  2  3  4  5  6  7 |  8 ..15 | ... | 96 .. 99
 *   op   D  E  D  E  D  E  D  E |  as 0..7 | ... | D E D E
 *   o    0  0  1  1  2  2  3  3 |         |     | 0 0 1 1
 *   L    2  2  2  2  2  2  2  2 |  3      | ... | 14
 * </pre>
 *
 * <ul>
 *   <li>[DESIGN] Assumed: flat line structuring elements (no grey-level weights), dilation and erosion only
 *       (no opening or closing), four orientations, lengths from 2 up; length 1 would be the identity, which is
 *       the neutral input. Every (operator, orientation, length) is a different class, so any class count fits,
 *       as long as the longest line fits the image: L <= min(H, W), or a {@link UserInputException}.
 *       10 classes use L = 2, 3; 100 classes use L up to 14.</li>
 *   <li>[DESIGN] Neutral input: the image unchanged (§6, second option: no operator, no class).</li>
 *   <li>Two classes can give the same output on some images (a constant image is unchanged by every
 *       operator); the operators differ, the outputs differ on generic images.</li>
 * </ul>
 *
 * <p>Computation: per (operator, orientation) in the batch, one running max (or min) over the whole batch grows
 * by one shifted slice of a padded copy per length; images whose class has that length take it. That is at most
 * 2 slices-and-extrema per length and orientation, whatever the mix of classes.
 */
public final class MorphologicalEncoding implements Encoding {

    private static final int ORIENTATIONS = 4;
    private static final int[][] DIRECTIONS = {{1, 0}, {1, -1}, {0, 1}, {1, 1}}; // (dx, dy) per orientation

    private final EncodingShape shape;

    /** @throws UserInputException if the longest line, 2 + (classes - 1) / 8 pixels, does not fit the image */
    public MorphologicalEncoding(int classes, int channels, int height, int width) {
        this.shape = new EncodingShape(classes, channels, height, width);
        int longest = length(classes - 1);
        if (longest > Math.min(height, width)) {
            throw new UserInputException("morphological labels: " + classes + " classes need line structuring"
                    + " elements up to " + longest + " pixels long, which do not fit a " + shape.size()
                    + " image (a label pattern that cannot fit the image)");
        }
    }

    /** The line length L of class k's structuring element. */
    public static int length(int k) {
        return 2 + k / (2 * ORIENTATIONS);
    }

    /** Class k's orientation o: 0 horizontal, 1 rising diagonal, 2 vertical, 3 falling diagonal. */
    public static int orientation(int k) {
        return (k % (2 * ORIENTATIONS)) / 2;
    }

    /** Whether class k dilates (max) rather than erodes (min). */
    public static boolean dilates(int k) {
        return k % 2 == 0;
    }

    @Override
    public boolean labelInInput() {
        return true;
    }

    @Override
    public NDArray embed(NDArray images, int[] classes) {
        shape.check(images, classes);
        NDArray out = images;
        for (int p = 0; p < 2; p++) {
            NDArray padded = null;
            for (int o = 0; o < ORIENTATIONS; o++) {
                int longest = longestUsed(classes, p == 0, o);
                if (longest < 2) {
                    continue;
                }
                if (padded == null) {
                    padded = pad(images, p == 0);
                }
                out = apply(images, padded, classes, p == 0, o, longest, out);
            }
        }
        return out;
    }

    @Override
    public NDArray neutral(NDArray images) {
        shape.batchOf(images);
        return images;
    }

    /** The running extremum along orientation o for L = 2..longest, taken by the images of each such class. */
    private NDArray apply(NDArray images, NDArray padded, int[] classes, boolean dilation, int o, int longest,
            NDArray out) {
        int margin = margin();
        NDArray running = images;
        for (int len = 2; len <= longest; len++) {
            // T_L adds one point to T_{L-1}: the far end for even L, the near end for odd L
            int t = len % 2 == 0 ? len / 2 : -(len - 1) / 2;
            int y0 = margin + t * DIRECTIONS[o][1];
            int x0 = margin + t * DIRECTIONS[o][0];
            NDArray shifted = padded.get(new NDIndex(":, :, {}:{}, {}:{}",
                    y0, y0 + shape.height(), x0, x0 + shape.width()));
            running = dilation ? running.maximum(shifted) : running.minimum(shifted);
            boolean[] take = new boolean[classes.length];
            boolean any = false;
            for (int i = 0; i < classes.length; i++) {
                int k = classes[i];
                take[i] = dilates(k) == dilation && orientation(k) == o && length(k) == len;
                any |= take[i];
            }
            if (any) {
                out = select(images.getManager(), take, running, out);
            }
        }
        return out;
    }

    /** running where take[i], out elsewhere. */
    private static NDArray select(NDManager manager, boolean[] take, NDArray running, NDArray out) {
        NDArray mask = manager.create(take, new Shape(take.length, 1, 1, 1)).broadcast(out.getShape());
        return NDArrays.where(mask, running, out);
    }

    /** The longest line used by the batch for this operator and orientation; 0 if none. */
    private static int longestUsed(int[] classes, boolean dilation, int o) {
        int longest = 0;
        for (int k : classes) {
            if (dilates(k) == dilation && orientation(k) == o) {
                longest = Math.max(longest, length(k));
            }
        }
        return longest;
    }

    /** Padding on every side: the farthest point of the longest line, ceil((L - 1) / 2). */
    private int margin() {
        return length(shape.classes() - 1) / 2;
    }

    /** images padded on H and W with a value that never wins the max (dilation) or the min (erosion). */
    private NDArray pad(NDArray images, boolean dilation) {
        int m = margin();
        double fill = dilation ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return images.pad(new Shape(m, m, m, m), fill);
    }
}
