package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * The shortcut tensor S of one batch's pass through a residual network, and the rule that turns a
 * layer's normalised output into the next layer's input (see {@link ResidualLink}). Between learning units
 * the tensors here are detached; inside an end-to-end unit they carry the gradient.
 */
public final class ResidualPass {

    private static final Shape TWO = new Shape(2, 2);
    private NDArray shortcut;

    /** Moves the shortcut (if any) to {@code manager}, so that it outlives the learning unit that made it. */
    public void keepIn(NDManager manager) {
        if (shortcut != null) {
            shortcut.attach(manager);
        }
    }

    /** Whether {@code a} is the shortcut still to be used. */
    public boolean holds(NDArray a) {
        return a == shortcut;
    }

    /** The input of the layer after one whose normalised output is {@code out} and whose link is {@code link}. */
    public NDArray next(ResidualLink link, NDArray out) {
        switch (link) {
            case NONE:
                return out;
            case SAVE:
                shortcut = out;
                return out;
            case ADD:
                shortcut = out.add(shortcut);
                return shortcut;
            case CONCAT_POOL:
                NDArray cat = ai.djl.ndarray.NDArrays.concat(new NDList(out, shortcut), 1);
                shortcut = Pool.avgPool2d(cat, TWO, TWO, new Shape(0, 0), false, true);
                return cat;
            case CONCAT:
                return ai.djl.ndarray.NDArrays.concat(new NDList(out, shortcut), 1);
            default:
                throw new IllegalStateException("unknown link " + link);
        }
    }
}
