package ffcnn.train;

/**
 * One parameter group's optimiser settings ({@code train.groups.body}, {@code .head}, {@code .readout}). A group
 * whose {@code lr} or {@code weight_decay} the preset leaves out takes {@code train.lr} and
 * {@code train.weight_decay}. The group's schedule is the run's cosine schedule scaled by
 * {@code lr / train.lr}: it starts at {@code lr} and ends at {@code train.lr_min * lr / train.lr}.
 *
 * @param trainable   whether the group learns at all; a frozen group takes no gradient and stays as it is
 * @param lr          initial learning rate of the group (0: the group's parameters never move)
 * @param weightDecay decoupled weight decay of the group
 */
public record GroupConfig(boolean trainable, double lr, double weightDecay) {

    public GroupConfig {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("train.groups.*.lr must be a finite number >= 0, got " + lr);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("train.groups.*.weight_decay must be a finite number >= 0, got "
                    + weightDecay);
        }
    }

    /** The group's learning rate as a multiple of the run's ({@code trainLr}). */
    public double lrScale(double trainLr) {
        return lr / trainLr;
    }
}
