package ffcnn.data;

import ffcnn.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link DataRequest}: locates the dataset ({@link DatasetLocator}), reads and checks its files
 * (format, and the official md5, computed while reading at little extra cost), splits the official
 * training set into train and valid, and applies the limits.
 */
public final class Datasets {

    private static final Logger logger = LoggerFactory.getLogger(Datasets.class);

    private Datasets() {
    }

    /** Loads the request, checking every file against its official md5. */
    public static DataSplits load(DataRequest request) {
        return load(request, true);
    }

    /**
     * Loads the request.
     *
     * @param verifyChecksums false accepts files in the official format whose md5 differs (own copies,
     *                        test fixtures); a wrong md5 is otherwise a {@link UserInputException}
     */
    public static DataSplits load(DataRequest request, boolean verifyChecksums) {
        if (FolderDatasets.handles(request.dataset())) {
            return FolderDatasets.load(request); // image files have no official checksums
        }
        KnownDataset d = KnownDataset.byId(request.dataset());
        List<String> names = d.classNames(request.coarseLabels());
        DatasetLocator.Location where = DatasetLocator.standard(request.dataDir()).locate(d);
        logger.info("{}: reading {}", d.id(), where.describe());
        ImageSet official = read(d, where.dir(), d.trainFiles(), request.coarseLabels(), verifyChecksums);
        ImageSet test = read(d, where.dir(), d.testFiles(), request.coarseLabels(), verifyChecksums);
        int validSize = request.validSize() < 0 ? d.defaultValidSize() : request.validSize();
        if (validSize >= official.size()) {
            throw new UserInputException("validation size " + validSize + " leaves no training images of the "
                    + official.size() + " in " + d.id());
        }
        int[][] split = splitIndices(official.size(), validSize, request.splitSeed());
        ImageSet train = official.select(split[0], d.id() + "/train");
        ImageSet valid = official.select(split[1], d.id() + "/valid");
        return new DataSplits(d.id(), limit(train, request.limitTrain()), limit(valid, request.limitValid()),
                limit(renamed(test, d.id() + "/test"), request.limitTest()), d.normalization(), names);
    }

    /**
     * A seeded split of {@code 0..n-1}: a Fisher-Yates permutation from {@code SplittableRandom(seed)}, whose
     * first {@code validSize} entries are the validation indices. Both parts are returned in ascending
     * order, {@code {train, valid}}, so that limits take the earliest images of the file.
     */
    public static int[][] splitIndices(int n, int validSize, long seed) {
        if (validSize < 0 || validSize > n) {
            throw new IllegalArgumentException("validSize " + validSize + " not in 0.." + n);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] valid = Arrays.copyOfRange(perm, 0, validSize);
        int[] train = Arrays.copyOfRange(perm, validSize, n);
        Arrays.sort(valid);
        Arrays.sort(train);
        return new int[][] {train, valid};
    }

    private static ImageSet limit(ImageSet set, int limit) {
        return limit > 0 ? set.head(limit) : set;
    }

    private static ImageSet renamed(ImageSet s, String name) {
        return new ImageSet(name, s.pixels(), s.labels(), s.channels(), s.height(), s.width(), s.numClasses());
    }

    private static ImageSet read(KnownDataset d, Path dir, List<DatasetFile> files, boolean coarse,
            boolean verify) {
        return d.isIdx() ? readIdx(d, dir, files, verify) : readCifar(d, dir, files, coarse, verify);
    }

    private static ImageSet readIdx(KnownDataset d, Path dir, List<DatasetFile> files, boolean verify) {
        IdxReader.IdxFile images = IdxReader.readImages(files.get(0).in(dir));
        IdxReader.IdxFile labels = IdxReader.readLabels(files.get(1).in(dir));
        if (verify) {
            requireMd5(d, images.file(), "uncompressed md5 ", images.contentMd5(), files.get(0).contentMd5());
            requireMd5(d, labels.file(), "uncompressed md5 ", labels.contentMd5(), files.get(1).contentMd5());
        }
        if (images.dims()[1] != d.height() || images.dims()[2] != d.width()) {
            throw new UserInputException(images.file() + ": images are " + images.dims()[1] + "x"
                    + images.dims()[2] + ", " + d.id() + " has " + d.height() + "x" + d.width());
        }
        return IdxReader.toImageSet(images, labels, d.numClasses(), d.id());
    }

    private static ImageSet readCifar(KnownDataset d, Path dir, List<DatasetFile> files, boolean coarse,
            boolean verify) {
        CifarReader.LabelKind kind = d == KnownDataset.CIFAR10 ? CifarReader.LabelKind.CIFAR10
                : coarse ? CifarReader.LabelKind.CIFAR100_COARSE : CifarReader.LabelKind.CIFAR100_FINE;
        List<CifarReader.CifarFile> parts = new ArrayList<>();
        for (DatasetFile f : files) {
            CifarReader.CifarFile part = CifarReader.readFile(dir.resolve(f.name()), kind);
            if (verify) {
                requireMd5(d, part.file(), "md5 ", part.md5(), f.md5());
            }
            parts.add(part);
        }
        return CifarReader.combine(parts, kind, d.id());
    }

    private static void requireMd5(KnownDataset d, Path file, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new UserInputException(file + ": wrong checksum, " + what + actual + ", expected " + expected
                    + " (official " + d.id() + "); replace it (`ffcnn datasets fetch " + d.id() + "`)");
        }
    }
}
