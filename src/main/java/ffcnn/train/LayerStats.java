package ffcnn.train;

/** Running sums of one layer's training figures over an epoch. */
final class LayerStats {
    private double loss;
    private double taskLoss;
    private long correct;
    private long images;
    private int batches;

    void add(double batchLoss, double batchTaskLoss, long batchCorrect, int batchImages) {
        loss += batchLoss;
        taskLoss += batchTaskLoss;
        correct += batchCorrect;
        images += batchImages;
        batches++;
    }

    /** Mean total loss over batches (every batch weighs the same, as in the official code). */
    double meanLoss() {
        return batches == 0 ? Double.NaN : loss / batches;
    }

    /** Mean task loss over batches: the value behind loss-aware layer weights. */
    double meanTaskLoss() {
        return batches == 0 ? Double.POSITIVE_INFINITY : taskLoss / batches;
    }

    double accuracy() {
        return images == 0 ? Double.NaN : (double) correct / images;
    }
}
