package ffcnn.data;

import java.nio.file.Path;

/**
 * What data a run wants: which dataset, from where, and how to split and cut it.
 *
 * @param dataset      dataset id ({@link KnownDataset#byId}, or an image folder: {@link FolderDatasets}),
 *                     e.g. {@code mnist}
 * @param dataDir      folder to look in first ({@code --data-dir}); null to use the standard places only
 * @param validSize    images of the official training set held out for validation; {@code < 0} means
 *                     the dataset's {@link KnownDataset#defaultValidSize()}
 * @param splitSeed    seed of the train/valid permutation
 * @param limitTrain   keep the first N training images of the split; {@code <= 0} keeps all
 * @param limitValid   keep the first N validation images; {@code <= 0} keeps all
 * @param limitTest    keep the first N images of the official test set; {@code <= 0} keeps all
 * @param coarseLabels CIFAR-100 only: the 20 superclasses instead of the 100 classes
 * @param imageSize    image folders only ({@link FolderDatasets}): side length images are resized to;
 *                     0 takes the size of the first training image
 * @param skipCorrupt  image folders only: skip an image that cannot be decoded (with a warning) instead of
 *                     stopping with an error naming it
 */
public record DataRequest(String dataset, Path dataDir, int validSize, long splitSeed, int limitTrain,
        int limitValid, int limitTest, boolean coarseLabels, int imageSize, boolean skipCorrupt) {

    /** The split seed of the reference code ({@code torch.manual_seed(2222)}). */
    public static final long DEFAULT_SPLIT_SEED = 2222;

    public DataRequest {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must be named");
        }
        if (imageSize < 0) {
            throw new IllegalArgumentException("imageSize must be >= 0, got " + imageSize);
        }
    }

    /** A request for a dataset of fixed image size, decoding errors fatal. */
    public DataRequest(String dataset, Path dataDir, int validSize, long splitSeed, int limitTrain, int limitValid,
            int limitTest, boolean coarseLabels) {
        this(dataset, dataDir, validSize, splitSeed, limitTrain, limitValid, limitTest, coarseLabels, 0, false);
    }

    /** All of {@code dataset}, default places, default split, seed 2222, fine labels. */
    public static DataRequest of(String dataset) {
        return new DataRequest(dataset, null, -1, DEFAULT_SPLIT_SEED, 0, 0, 0, false);
    }

    /** This request, looking in {@code dir} first. */
    public DataRequest withDataDir(Path dir) {
        return new DataRequest(dataset, dir, validSize, splitSeed, limitTrain, limitValid,
                limitTest, coarseLabels, imageSize, skipCorrupt);
    }

    /** This request with another validation size ({@code < 0}: the default). */
    public DataRequest withValidSize(int size) {
        return new DataRequest(dataset, dataDir, size, splitSeed, limitTrain, limitValid,
                limitTest, coarseLabels, imageSize, skipCorrupt);
    }

    /** This request with another split seed. */
    public DataRequest withSplitSeed(long seed) {
        return new DataRequest(dataset, dataDir, validSize, seed, limitTrain, limitValid,
                limitTest, coarseLabels, imageSize, skipCorrupt);
    }

    /** This request with limits on the three parts ({@code <= 0}: all). */
    public DataRequest withLimits(int train, int valid, int test) {
        return new DataRequest(dataset, dataDir, validSize, splitSeed, train, valid, test, coarseLabels,
                imageSize, skipCorrupt);
    }

    /** This request with CIFAR-100's coarse (20-class) labels on or off. */
    public DataRequest withCoarseLabels(boolean coarse) {
        return new DataRequest(dataset, dataDir, validSize, splitSeed, limitTrain, limitValid,
                limitTest, coarse, imageSize, skipCorrupt);
    }

    /** This request with image folders resized to {@code size} (0: the first image's size). */
    public DataRequest withImageSize(int size) {
        return new DataRequest(dataset, dataDir, validSize, splitSeed, limitTrain, limitValid, limitTest,
                coarseLabels, size, skipCorrupt);
    }

    /** This request skipping (true) or refusing (false) images that cannot be decoded. */
    public DataRequest withSkipCorrupt(boolean skip) {
        return new DataRequest(dataset, dataDir, validSize, splitSeed, limitTrain, limitValid, limitTest,
                coarseLabels, imageSize, skip);
    }
}
