package ffcnn.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One parameter group's optimiser settings ({@code train.groups.body}, {@code .head}, {@code .readout}). A group
 * whose {@code lr} or {@code weight_decay} the preset leaves out takes {@code train.lr} and
 * {@code train.weight_decay}. The group's schedule is the run's cosine schedule scaled by
 * {@code lr / train.lr}: it starts at {@code lr} and ends at {@code train.lr_min * lr / train.lr}.
 * A group may also have an update rule of its own ({@code optimizer}, {@code momentum}); without them it takes
 * {@code train.optimizer} and {@code train.momentum}. A layer's body and head share one optimiser, so they must
 * agree on it; the read-out has its own (CwComp's softmax read-out learns by plain SGD beside layers on Adam).
 *
 * @param trainable   whether the group learns at all; a frozen group takes no gradient and stays as it is
 * @param lr          initial learning rate of the group (0: the group's parameters never move)
 * @param weightDecay decoupled weight decay of the group
 * @param optimizer   the group's update rule ({@code adamw} or {@code sgd}); null: {@code train.optimizer}
 * @param momentum    the group's SGD momentum in [0, 1); null: {@code train.momentum}
 */
public record GroupConfig(boolean trainable, double lr, double weightDecay,
        @JsonInclude(JsonInclude.Include.NON_NULL) String optimizer,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double momentum) {

    public GroupConfig {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("train.groups.*.lr must be a finite number >= 0, got " + lr);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("train.groups.*.weight_decay must be a finite number >= 0, got "
                    + weightDecay);
        }
        if (optimizer != null && !TrainConfig.ADAMW.equals(optimizer) && !TrainConfig.SGD.equals(optimizer)) {
            throw new IllegalArgumentException("train.groups.*.optimizer '" + optimizer + "' is not one of "
                    + TrainConfig.ADAMW + ", " + TrainConfig.SGD);
        }
        if (momentum != null && !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("train.groups.*.momentum must be in [0, 1), got " + momentum);
        }
    }

    /** A group with the run's update rule. */
    public GroupConfig(boolean trainable, double lr, double weightDecay) {
        this(trainable, lr, weightDecay, null, null);
    }

    /** The group's learning rate as a multiple of the run's ({@code trainLr}). */
    public double lrScale(double trainLr) {
        return lr / trainLr;
    }

    /** The group's update rule: its own, else the run's ({@code config.optimizer()}). */
    public String optimizerIn(TrainConfig config) {
        return optimizer != null ? optimizer : config.optimizer();
    }

    /** The group's SGD momentum: its own, else the run's ({@code config.momentum()}). */
    public double momentumIn(TrainConfig config) {
        return momentum != null ? momentum : config.momentum();
    }
}
