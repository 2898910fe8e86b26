package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.function.Function;

/**
 * Runs one layer's (or learning unit's) work on its input in an array manager of its own, so that what
 * the work made is freed as soon as it is done: only the arrays it returns and the residual shortcut
 * survive, in the manager of the input. The input itself is closed too, unless it is the shortcut.
 * This is what keeps forward-only training and evaluation at one layer's activations at a time.
 */
public final class LayerScope {

    private LayerScope() {
    }

    /** Applies {@code work} to {@code x}; returns its results, now owned by {@code x}'s manager. */
    public static NDList run(NDArray x, ResidualPass pass, Function<NDArray, NDList> work) {
        NDManager keep = x.getManager();
        NDList out;
        try (NDManager scope = keep.newSubManager()) {
            x.tempAttach(scope);
            out = work.apply(x);
            out.attach(keep);
            pass.keepIn(keep);
        }
        if (!pass.holds(x) && !out.contains(x)) {
            x.close();
        }
        return out;
    }

    /** Bytes of every array alive in {@code manager} and its children. */
    public static long liveBytes(NDManager manager) {
        long bytes = 0;
        for (NDArray a : manager.getManagedArrays()) {
            if (!a.isReleased()) {
                bytes += a.size() * a.getDataType().getNumOfBytes();
            }
        }
        return bytes;
    }
}
