package ffcnn.nn;

/**
 * What happens to a layer's normalised output before the next layer sees it, in the residual scheme of
 * DeeperForward's ResNet-17 (specs/deeperforward.md 5.3, specs/caw-conv.md 6.3). One detached tensor S,
 * the shortcut, is carried along the network; it never enters a loss.
 */
public enum ResidualLink {
    /** x = out; S unchanged. */
    NONE,
    /** x = out; S = out (the stem). */
    SAVE,
    /** x = out + S; S = x. */
    ADD,
    /** x = concat(out, S) on channels; S = avgpool2x2(x). */
    CONCAT_POOL,
    /** x = concat(out, S) on channels; S unchanged (the last layer). */
    CONCAT
}
