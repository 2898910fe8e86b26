package ffcnn.data;

import ffcnn.UserInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The benchmark datasets ffcnn reads: shapes, normalisation, default split, class names, and the official
 * files with their published md5s and download address.
 *
 * <p>Default validation sizes (images held out of the official training set, see specs caw-conv.md §7 and
 * deeperforward.md §6): MNIST and Fashion-MNIST 10,000 (the 50k/10k split of both papers); CIFAR-10 1,000
 * (the 49k/1k split of the CAW-Conv code, whose results ffcnn reproduces; DeeperForward used 45k/5k, pass
 * {@code validSize = 5000} for it); CIFAR-100 5,000 (DeeperForward's CIFAR-100 loader, 45k/5k; the CAW-Conv
 * code has no CIFAR-100 loader).
 */
public enum KnownDataset {
    MNIST("mnist", 10, 1, 28, Normalization.uniform(1, 0.1307f, 0.3081f), 10_000,
            IntStream.range(0, 10).mapToObj(Integer::toString).toList(),
            "https://ossci-datasets.s3.amazonaws.com/mnist/", null, idx(
                    "f68b3c2dcbeaaa9fbdd348bbdeb94873", "6bbc9ace898e44ae57da46a324031adb",
                    "d53e105ee54ea40749a09fcbcd1e9432", "a25bea736e30d166cdddb491f175f624",
                    "9fb629c4189551a2d022fa330f9573f3", "2646ac647ad5339dbf082846283269ea",
                    "ec29112dd5afa0611ce80d1b7f02629c", "27ae3e4e09519cfbb04c329615203637")),
    FASHION_MNIST("fashion-mnist", 10, 1, 28, Normalization.uniform(1, 0.2860f, 0.3530f), 10_000,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", null, idx(
                    "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "f4a8712d7a061bf5bd6d2ca38dc4d50a",
                    "25c81989df183df01b3e8a0aad5dffbe", "9018921c3c673c538a1fc5bad174d6f9",
                    "bef4ecab320f06d8554ea6380940ec79", "8181f5470baa50b63fa0f6fddb340f0a",
                    "bb300cfdad3c16e7a12a480ee83cd310", "15d484375f8d13e6eb1aabb0c3f46965")),
    CIFAR10("cifar10", 10, 3, 32,
            new Normalization(new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2023f, 0.1994f, 0.2010f}),
            1_000, List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
            "https://www.cs.toronto.edu/~kriz/",
            new Archive(DatasetFile.of("cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530"),
                    "cifar-10-batches-bin"),
            new FileLists(List.of(
                    DatasetFile.of("data_batch_1.bin", "5dd7e06a14cb22eb9f671a540d1b7c25"),
                    DatasetFile.of("data_batch_2.bin", "5ea93a67294ea407fff1d09f752e9692"),
                    DatasetFile.of("data_batch_3.bin", "942cd6a4bcdd0dd3c604fbe906cb4421"),
                    DatasetFile.of("data_batch_4.bin", "ae636b3ba5c66a11e91e8cb52e771fcb"),
                    DatasetFile.of("data_batch_5.bin", "53f37980c15c3d472c316c40844f3f0d")),
                    List.of(DatasetFile.of("test_batch.bin", "803d5f7f4d78ea53de84dbe85f74fb6d")))),
    CIFAR100("cifar100", 100, 3, 32, Normalization.uniform(3, 0.5f, 0.5f), 5_000, Cifar100Names.FINE,
            "https://www.cs.toronto.edu/~kriz/",
            new Archive(DatasetFile.of("cifar-100-binary.tar.gz", "03b5dce01913d631647c71ecec9e9cb8"),
                    "cifar-100-binary"),
            new FileLists(List.of(DatasetFile.of("train.bin", "6172c7755cfe09b2fe270c85cebc1b15")),
                    List.of(DatasetFile.of("test.bin", "4499cfba6c016c1be1438163640a0898"))));

    /** The train and test files, in reading order (IDX: images then labels). */
    private record FileLists(List<DatasetFile> train, List<DatasetFile> test) {
    }

    /** A tarball and the folder its files are in. */
    private record Archive(DatasetFile file, String folder) {
    }

    private final String id;
    private final int numClasses;
    private final int channels;
    private final int size;
    private final Normalization normalization;
    private final int defaultValidSize;
    private final List<String> classNames;
    private final String downloadBaseUrl;
    private final Archive archive;
    private final FileLists files;

    KnownDataset(String id, int numClasses, int channels, int size, Normalization normalization,
            int defaultValidSize, List<String> classNames, String downloadBaseUrl, Archive archive, FileLists files) {
        this.id = id;
        this.numClasses = numClasses;
        this.channels = channels;
        this.size = size;
        this.normalization = normalization;
        this.defaultValidSize = defaultValidSize;
        this.classNames = List.copyOf(classNames);
        this.downloadBaseUrl = downloadBaseUrl;
        this.archive = archive;
        this.files = files;
    }

    private static FileLists idx(String... md5s) {
        String[] names = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};
        DatasetFile[] f = new DatasetFile[4];
        for (int i = 0; i < 4; i++) {
            f[i] = new DatasetFile(names[i], md5s[2 * i], md5s[2 * i + 1]);
        }
        return new FileLists(List.of(f[0], f[1]), List.of(f[2], f[3]));
    }

    /** The dataset called {@code id} (as in {@link #id()}, case-insensitive; {@code _} for {@code -} too). */
    public static KnownDataset byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (KnownDataset d : values()) {
            if (d.id.equals(key)) {
                return d;
            }
        }
        throw new UserInputException("unknown dataset '" + id + "', known: " + knownIds());
    }

    /** The known ids, comma-separated, for messages. */
    public static String knownIds() {
        return Arrays.stream(values()).map(KnownDataset::id).collect(Collectors.joining(", "));
    }

    /** Short name used on the command line and as folder name, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** Number of classes K (CIFAR-100: the 100 fine classes). */
    public int numClasses() {
        return numClasses;
    }

    /** Number of classes with the given labels: CIFAR-100's coarse labels have 20 classes. */
    public int numClasses(boolean coarseLabels) {
        return classNames(coarseLabels).size();
    }

    /** 1 (grey) or 3 (RGB). */
    public int channels() {
        return channels;
    }

    /** Image rows. */
    public int height() {
        return size;
    }

    /** Image columns. */
    public int width() {
        return size;
    }

    /** Per-channel mean and std of {@code x / 255} used by the reference code. */
    public Normalization normalization() {
        return normalization;
    }

    /** Images held out of the official training set for validation by default (see the type's Javadoc). */
    public int defaultValidSize() {
        return defaultValidSize;
    }

    /** Class names in label order (CIFAR-100: fine classes). */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Class names for the given label kind; {@code coarseLabels} only exists for CIFAR-100.
     *
     * @throws UserInputException for coarse labels of a dataset without them
     */
    public List<String> classNames(boolean coarseLabels) {
        if (!coarseLabels) {
            return classNames;
        }
        if (this != CIFAR100) {
            throw new UserInputException(id + " has no coarse labels (only cifar100 has)");
        }
        return Cifar100Names.COARSE;
    }

    /** Files of the official training set, in reading order. */
    public List<DatasetFile> trainFiles() {
        return files.train;
    }

    /** Files of the official test set, in reading order. */
    public List<DatasetFile> testFiles() {
        return files.test;
    }

    /** All files that make up the dataset (training then test). */
    public List<DatasetFile> files() {
        return Stream.concat(files.train.stream(), files.test.stream()).toList();
    }

    /** True for the IDX datasets (MNIST, Fashion-MNIST); false for the CIFAR binary versions. */
    public boolean isIdx() {
        return archive == null;
    }

    /** Official address the {@link #downloads()} are relative to. */
    public String downloadBaseUrl() {
        return downloadBaseUrl;
    }

    /** The files to download: the four {@code .gz} files, or the one tarball of the CIFAR sets. */
    public List<DatasetFile> downloads() {
        return archive == null ? files() : List.of(archive.file);
    }

    /** The official addresses of the {@link #downloads()}. */
    public List<java.net.URI> downloadUrls() {
        return downloads().stream().map(f -> java.net.URI.create(downloadBaseUrl + f.name())).toList();
    }

    /** The folder inside the official tarball that holds the files ({@code cifar-10-batches-bin}). */
    public Optional<String> archiveFolder() {
        return Optional.ofNullable(archive).map(Archive::folder);
    }
}
