package ffcnn.objective;

/**
 * A local learning rule. The rule itself is an immutable, validated record bound from the preset's
 * {@code objective:} section; {@link #head} makes the per-layer part that holds whatever the rule learns
 * besides the convolution (for example CAW-Conv's assignment matrix).
 */
public interface Objective {

    /** The head of one layer with {@code channels} output channels and {@code classes} classes. */
    ObjectiveHead head(int channels, int classes);

    /**
     * Whether the last layer's loss trains every layer through the whole network (the backprop baseline).
     * Every forward-only rule leaves this false: each layer then learns from its own loss alone.
     */
    default boolean endToEnd() {
        return false;
    }
}
