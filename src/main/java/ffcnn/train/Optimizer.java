package ffcnn.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The update rule of one layer's (or a read-out's) parameters ({@code train.optimizer}): {@link AdamW} or
 * {@link Sgd}; each parameter learns at its group's share of the scheduled rate, with its group's decay. A step
 * uses the gradients the last backward pass left and zeroes them; its state (step count, moment or momentum
 * buffers) is saved with a checkpoint so that a resumed run continues exactly.
 */
public interface Optimizer {

    /** One update with learning rate {@code lr}. */
    void step(double lr);

    /** Whether there is nothing to optimise (every parameter of the unit frozen). */
    boolean isEmpty();

    /** Number of steps taken. */
    long steps();

    /** Writes the optimiser's state. */
    void save(DataOutputStream out) throws IOException;

    /** Reads what {@link #save} wrote. */
    void load(DataInputStream in) throws IOException;
}
