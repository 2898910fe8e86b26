package ffcnn.data;

import java.nio.file.Path;

/**
 * What data a run wants: which dataset, from where, and how to split and cut it.
 *
 * @param dataset      dataset id ({@link KnownDataset#byId}), e.g. {@code mnist}
 * @param dataDir      folder to look in first ({@code --data-dir}); null to use the standard places only
 * @param validSize    images of the official training set held out for validation; {@code < 0} means
 *                     the dataset's {@link KnownDataset#defaultValidSize()}
 * @param splitSeed    seed of the train/valid permutation
 * @param limitTrain   keep the first N training images of the split; {@code <= 0} keeps all
 * @param limitValid   keep the first N validation images; {@code <= 0} keeps all
 * @param limitTest    keep the first N images of the official test set; {@code <= 0} keeps all
 * @param coarseLabels CIFAR-100 only: the 20 superclasses instead of the 100 classes
 */
public record DataRequest(String dataset, Path dataDir, int validSize, long splitSeed, int limitTrain,
        int limitValid, int limitTest, boolean coarseLabels) {

    /** The split seed of the reference code ({@code torch.manual_seed(2222)}). */
    public static final long DEFAULT_SPLIT_SEED = 2222;

    public DataRequest {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must be named");
        }
    }

    /** All of {@code dataset}, default places, default split, seed 2222, fine labels. */
    public static DataRequest of(String dataset) {
        return new DataRequest(dataset, null, -1, DEFAULT_SPLIT_SEED, 0, 0, 0, false);
    }

    /** This request, looking in {@code dir} first. */
    public DataRequest withDataDir(Path dir) {
        return new DataRequest(dataset, dir, validSize, splitSeed, limitTrain, limitValid, limitTest, coarseLabels);
    }

    /** This request with another validation size ({@code < 0}: the default). */
    public DataRequest withValidSize(int size) {
        return new DataRequest(dataset, dataDir, size, splitSeed, limitTrain, limitValid, limitTest, coarseLabels);
    }

    /** This request with another split seed. */
    public DataRequest withSplitSeed(long seed) {
        return new DataRequest(dataset, dataDir, validSize, seed, limitTrain, limitValid, limitTest, coarseLabels);
    }

    /** This request with limits on the three parts ({@code <= 0}: all). */
    public DataRequest withLimits(int train, int valid, int test) {
        return new DataRequest(dataset, dataDir, validSize, splitSeed, train, valid, test, coarseLabels);
    }

    /** This request with CIFAR-100's coarse (20-class) labels on or off. */
    public DataRequest withCoarseLabels(boolean coarse) {
        return new DataRequest(dataset, dataDir, validSize, splitSeed, limitTrain, limitValid, limitTest, coarse);
    }
}
