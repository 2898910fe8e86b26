package ffcnn.train;

/**
 * Cosine annealing stepped once per epoch (PyTorch {@code CosineAnnealingLR}, closed form):
 * lr_e = lrMin + (lr0 - lrMin) (1 + cos(pi e / T_max)) / 2.
 */
public record CosineSchedule(double lr0, double lrMin, int periodEpochs) {

    public CosineSchedule {
        if (periodEpochs < 1 || lr0 <= 0 || lrMin < 0) {
            throw new IllegalArgumentException("cosine schedule needs lr > 0, lr_min >= 0, T_max >= 1");
        }
    }

    /** Learning rate during epoch {@code epoch} (0-based). */
    public double at(int epoch) {
        return lrMin + (lr0 - lrMin) * (1 + Math.cos(Math.PI * epoch / periodEpochs)) / 2;
    }
}
