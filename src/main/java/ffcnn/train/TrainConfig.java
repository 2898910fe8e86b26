package ffcnn.train;

/**
 * The {@code train:} section of a preset.
 *
 * @param epochs      epochs to train (also the cosine period T_max)
 * @param batchSize   images per batch
 * @param lr          initial learning rate lr0
 * @param lrMin       final learning rate eta_min of the cosine schedule
 * @param weightDecay decoupled weight decay of AdamW (0 = Adam)
 * @param gradClip    global-norm gradient clip per layer (0 = none)
 * @param seed        seed of initialisation, shuffling and dropout
 */
public record TrainConfig(int epochs, int batchSize, double lr, double lrMin, double weightDecay, double gradClip,
        long seed) {

    public TrainConfig {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("train.epochs and train.batch_size must be >= 1");
        }
        if (lr <= 0 || lrMin < 0 || weightDecay < 0 || gradClip < 0) {
            throw new IllegalArgumentException("train.lr must be > 0; lr_min, weight_decay, grad_clip >= 0");
        }
    }

    public CosineSchedule schedule() {
        return new CosineSchedule(lr, lrMin, epochs);
    }
}
