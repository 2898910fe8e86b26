package ffcnn.objective;

import ffcnn.nn.LearningRule;

/**
 * A local learning rule. The rule itself is an immutable, validated record bound from the preset's
 * {@code objective:} section; {@link #head} makes the per-layer part that holds whatever the rule learns
 * besides the convolution (for example CAW-Conv's assignment matrix).
 */
public interface Objective extends LearningRule {

    /**
     * Whether the rule learns from positive and negative inputs that carry their label (the Forward-Forward
     * family): its preset then needs an {@code encoding.kind} other than {@code identity}, and every other rule
     * needs {@code identity}.
     */
    default boolean labelInInput() {
        return false;
    }
}
