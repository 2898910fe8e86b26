package ffcnn.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ffcnn.UserInputException;
import java.util.ArrayList;
import java.util.List;

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
 * <p>Computation: the images are grouped by (operator, orientation) and sorted by line length, longest first.
 * Each group is padded once; its running max (or min) takes one more shifted slice per length, over the images
 * whose line is at least that long, and an image leaves the group once its own length is reached. One gather puts
 * the groups back in batch order. The work is L - 1 extrema per image, in about 2 operations per length and
 * orientation: about 13 ms for [64, 3, 32, 32] with 100 classes on 2 CPU threads, where a running extremum
 * over the whole batch with a masked select per class took about 10 times longer.
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
        if (classes.length == 0) {
            return images;
        }
        NDManager manager = images.getManager();
        NDList pieces = new NDList();
        List<Integer> order = new ArrayList<>(classes.length); // the image behind each row of the pieces
        for (int group = 0; group < 2 * ORIENTATIONS; group++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < classes.length; i++) {
                if (classes[i] % (2 * ORIENTATIONS) == group) {
                    members.add(i);
                }
            }
            members.sort((i, j) -> Integer.compare(classes[j], classes[i])); // longest line first, stable
            if (!members.isEmpty()) {
                NDArray sub = inOrder(members, classes.length) ? images : images.get(rows(manager, members));
                transform(sub, lengths(classes, members), group, pieces, order, members);
            }
        }
        if (pieces.size() == 1 && inOrder(order, classes.length)) {
            return pieces.singletonOrThrow();
        }
        long[] position = new long[classes.length];
        for (int row = 0; row < order.size(); row++) {
            position[order.get(row)] = row;
        }
        return NDArrays.concat(pieces, 0).get(manager.create(position));
    }

    @Override
    public NDArray neutral(NDArray images) {
        shape.batchOf(images);
        return images;
    }

    /**
     * The operator of one (operator, orientation) group on its images, sorted by descending line length: adds to
     * pieces each run of images once its length is reached, and their batch indices to order.
     */
    private static void transform(NDArray sub, int[] lengths, int group, NDList pieces, List<Integer> order,
            List<Integer> members) {
        boolean dilation = dilates(group);
        int[] d = DIRECTIONS[orientation(group)];
        int margin = lengths[0] / 2; // ceil((L - 1) / 2), the farthest point of the longest line
        // a fill that never wins: the border takes the extremum over the part of the line inside the image
        double fill = dilation ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        NDArray padded = sub.pad(new Shape(margin, margin, margin, margin), fill);
        long h = sub.getShape().get(2);
        long w = sub.getShape().get(3);
        NDArray head = sub; // the images whose line is at least len - 1 long, transformed up to len - 1
        int n = lengths.length;
        for (int len = 2; len <= lengths[0]; len++) {
            int still = n;
            while (lengths[still - 1] < len) {
                still--;
            }
            if (still < n) {
                finish(head.get("{}:", still), members.subList(still, n), pieces, order);
                head = head.get(":{}", still);
                n = still;
            }
            // T_L adds one point to T_{L-1}: the far end for even L, the near end for odd L
            int t = len % 2 == 0 ? len / 2 : -(len - 1) / 2;
            long y0 = margin + (long) t * d[1];
            long x0 = margin + (long) t * d[0];
            NDArray shifted = padded.get(new NDIndex(":{}, :, {}:{}, {}:{}", n, y0, y0 + h, x0, x0 + w));
            head = dilation ? head.maximum(shifted) : head.minimum(shifted);
        }
        finish(head, members.subList(0, n), pieces, order);
    }

    private static void finish(NDArray done, List<Integer> rows, NDList pieces, List<Integer> order) {
        pieces.add(done);
        order.addAll(rows);
    }

    /** Whether rows is 0, 1, ..., batch - 1: the whole batch in its own order, so no gather is needed. */
    private static boolean inOrder(List<Integer> rows, int batch) {
        if (rows.size() != batch) {
            return false;
        }
        for (int i = 0; i < batch; i++) {
            if (rows.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    private static int[] lengths(int[] classes, List<Integer> members) {
        return members.stream().mapToInt(i -> length(classes[i])).toArray();
    }

    private static NDArray rows(NDManager manager, List<Integer> members) {
        return manager.create(members.stream().mapToLong(Integer::longValue).toArray());
    }
}
