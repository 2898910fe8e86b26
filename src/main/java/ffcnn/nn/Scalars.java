package ffcnn.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplying or dividing by a number inside a computation that will be differentiated. Use these, never
 * DJL's {@code mul(Number)} / {@code div(Number)} / {@code pow(Number)}, wherever the result reaches a loss.
 *
 * <p>DJL 0.35 turns the number into a one-element array whose memory is a Java direct buffer, runs the
 * operation and closes that array at once. The engine's autograd keeps the operand to compute the backward
 * pass ({@code d(a*s)/da = s}), but it does not own that memory: once the garbage collector frees the buffer,
 * the backward pass reads freed memory. Gradients were then off by any amount, now and then (how often
 * depends on when the collector runs), which made runs with the same seed differ and, where the memory held
 * huge values, diverge. Here the number is an array the engine allocates itself (and reference-counts), so
 * the saved operand stays valid for as long as autograd holds it; the arithmetic, and so every result, is the
 * same as DJL's. {@code ScalarsTest} shows both behaviours.
 */
public final class Scalars {

    private Scalars() {
    }

    /** {@code a * value}, safe to differentiate. */
    public static NDArray times(NDArray a, double value) {
        try (NDArray s = scalar(a, value)) {
            return a.mul(s);
        }
    }

    /** {@code a / value}, safe to differentiate. */
    public static NDArray over(NDArray a, double value) {
        try (NDArray s = scalar(a, value)) {
            return a.div(s);
        }
    }

    /** A zero-dimensional array of {@code a}'s type holding {@code value}, in memory the engine owns. */
    private static NDArray scalar(NDArray a, double value) {
        return a.getManager().full(new Shape(), (float) value, a.getDataType());
    }
}
