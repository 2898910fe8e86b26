package ffcnn.train;

/**
 * The parameter groups of a run ({@code train.groups}): the layers' bodies (convolutions), their heads, and the
 * trainable read-outs on detached features. Each has its own {@link GroupConfig}.
 *
 * @param body    the layers' bodies
 * @param head    the layers' objective heads
 * @param readout the read-out of a read-out prediction strategy
 */
public record ParameterGroups(GroupConfig body, GroupConfig head, GroupConfig readout) {

    /** Group names, as preset keys. */
    public static final java.util.List<String> NAMES = java.util.List.of("body", "head", "readout");

    /** Every group trainable with the run's learning rate and weight decay. */
    public static ParameterGroups inherit(double lr, double weightDecay) {
        GroupConfig g = new GroupConfig(true, lr, weightDecay);
        return new ParameterGroups(g, g, g);
    }
}
