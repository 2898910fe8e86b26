package ffcnn.data;

import ffcnn.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datasets of image files: {@code folder:DIR} (any tree of class folders, {@link FolderLayouts#generic}),
 * {@code tiny-imagenet} ({@link TinyImageNetLayout}) and {@code imagenet} ({@link FolderLayouts#imageNet}).
 * The two named ones are found like the benchmark files ({@link DatasetLocator}'s roots, in folders
 * {@code tiny-imagenet-200/} or {@code tiny-imagenet/}, and {@code imagenet/}).
 *
 * <p>The split is that of the other datasets: the official training files, in class-then-name order,
 * are split by {@link Datasets#splitIndices} with the request's seed, then limited; only the images kept
 * are decoded: into memory ({@link FolderDecoder}) when the three parts take at most
 * {@link #IN_MEMORY_BYTES} decoded, else batch by batch while training ({@link FolderSource}). Every image
 * is resized to the request's image size (0: the first training image's width). A dataset has 3 channels
 * when the first image of any class is colour (its header has three or more bands), else 1; images are
 * converted to that. Normalisation is
 * ImageNet's for the two named datasets and, for {@code folder:}, the per-channel mean and std of the
 * training images (of the first {@value #STATISTICS_SAMPLE} when streamed).
 */
public final class FolderDatasets {

    /** Prefix of a dataset id naming a folder tree. */
    public static final String PREFIX = "folder:";

    private static final Logger logger = LoggerFactory.getLogger(FolderDatasets.class);

    private FolderDatasets() {
    }

    /** Decoded images of all three parts up to this size are held in memory; larger datasets are streamed. */
    public static final long IN_MEMORY_BYTES = 512L << 20;

    /** Training images a streamed {@code folder:} dataset's normalisation is computed from (the first ones). */
    static final int STATISTICS_SAMPLE = 1000;

    /** The dataset ids of image folders with a fixed name. */
    public static final List<String> NAMED = List.of("tiny-imagenet", "imagenet");

    /** Whether {@code id} names an image-folder dataset. */
    public static boolean handles(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return key.startsWith(PREFIX) || NAMED.contains(key);
    }

    /** The preset name of {@code id}: {@code folder} for every {@code folder:DIR}, else {@code id}. */
    public static String presetName(String id) {
        return id.startsWith(PREFIX) ? "folder" : id;
    }

    /** Locates and reads the files of {@code request}'s dataset (not yet decoded). */
    public static ImageFolder find(DataRequest request) {
        String id = request.dataset().trim();
        if (id.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String dir = id.substring(PREFIX.length());
            if (dir.isBlank()) {
                throw new UserInputException("--dataset folder:DIR needs a folder, e.g. folder:/data/flowers");
            }
            Path path = Path.of(dir);
            if (!Files.exists(path)) {
                throw new UserInputException(path + ": no such directory (--dataset " + id + ")");
            }
            return FolderLayouts.generic(id, path);
        }
        String key = id.toLowerCase(Locale.ROOT);
        DatasetLocator locator = DatasetLocator.standard(request.dataDir());
        Path dir = locate(locator, key).orElseThrow(() -> new UserInputException(key + " not found (looked for "
                + folderNames(key).get(0) + "/ under " + locator.describeRoots() + "); download it and pass"
                + " --data-dir or set $" + DatasetLocator.ENV_DATA));
        logger.info("{}: reading {}", key, dir);
        return key.equals("tiny-imagenet") ? TinyImageNetLayout.read(dir) : FolderLayouts.imageNet(dir);
    }

    /** The first folder under {@code locator}'s roots holding the named dataset {@code id}. */
    public static Optional<Path> locate(DatasetLocator locator, String id) {
        for (DatasetLocator.Root root : locator.roots()) {
            for (String name : folderNames(id)) {
                Path dir = root.path().resolve(name);
                if (Files.isDirectory(dir.resolve("train"))) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An image-folder dataset seen under a root.
     *
     * @param id   {@code tiny-imagenet}, {@code imagenet} or {@code folder:DIR}
     * @param dir  its folder
     * @param root the root it is under
     */
    public record Found(String id, Path dir, DatasetLocator.Root root) {
    }

    /**
     * The image-folder datasets directly under {@code locator}'s roots: the named ones where they are found
     * first, and every other folder with {@code train/} and {@code test/} or {@code val/} as {@code folder:DIR}.
     */
    public static List<Found> list(DatasetLocator locator) {
        List<Found> found = new ArrayList<>();
        for (String id : NAMED) {
            locate(locator, id).ifPresent(dir -> found.add(new Found(id, dir, rootOf(locator, dir))));
        }
        for (DatasetLocator.Root root : locator.roots()) {
            if (!Files.isDirectory(root.path()) || !Files.isReadable(root.path())) {
                continue;
            }
            for (Path dir : ClassFolders.list(root.path())) {
                boolean named = found.stream().anyMatch(f -> f.dir().equals(dir));
                if (!named && Files.isDirectory(dir.resolve("train"))
                        && (Files.isDirectory(dir.resolve("test")) || Files.isDirectory(dir.resolve("val")))) {
                    found.add(new Found(PREFIX + dir, dir, root));
                }
            }
        }
        return found;
    }

    private static DatasetLocator.Root rootOf(DatasetLocator locator, Path dir) {
        return locator.roots().stream().filter(r -> dir.startsWith(r.path())).findFirst().orElseThrow();
    }

    private static List<String> folderNames(String id) {
        return id.equals("tiny-imagenet") ? List.of("tiny-imagenet-200", "tiny-imagenet") : List.of(id);
    }

    /** Loads the request: locate, split, limit, then decode into memory or stream ({@link #IN_MEMORY_BYTES}). */
    public static DataSplits load(DataRequest request) {
        return load(request, IN_MEMORY_BYTES);
    }

    /**
     * Loads the request, decoding into memory when the three parts take at most {@code inMemoryBytes}
     * decoded (0 streams every folder).
     */
    public static DataSplits load(DataRequest request, long inMemoryBytes) {
        ImageFolder folder = find(request);
        LabelledFiles official = folder.train();
        int validSize = request.validSize() < 0 ? folder.defaultValidSize() : request.validSize();
        if (validSize >= official.size()) {
            throw new UserInputException("validation size " + validSize + " leaves no training images of the "
                    + official.size() + " in " + folder.id());
        }
        int[][] split = Datasets.splitIndices(official.size(), validSize, request.splitSeed());
        LabelledFiles train = official.select(split[0]).head(request.limitTrain());
        LabelledFiles valid = official.select(split[1]).head(request.limitValid());
        LabelledFiles test = folder.test().head(request.limitTest());
        int channels = channels(official);
        int size = request.imageSize() > 0 ? request.imageSize() : ImageDecoder.header(train.files().get(0)).width();
        int k = folder.classNames().size();
        String name = folder.id();
        long bytes = (long) (train.size() + valid.size() + test.size()) * channels * size * size;
        ImageSource[] parts = new ImageSource[3];
        LabelledFiles[] files = {train, valid, test};
        String[] names = {name + "/train", name + "/valid", name + "/test"};
        FolderDecoder decoder = new FolderDecoder(channels, size, request.skipCorrupt());
        for (int i = 0; i < 3; i++) {
            parts[i] = bytes <= inMemoryBytes ? decoder.decode(files[i], k, names[i])
                    : new FolderSource(names[i], files[i], channels, size, k, request.skipCorrupt());
        }
        logger.info("{}: {} images of {}x{}x{}, {}", name, train.size() + valid.size() + test.size(), channels,
                size, size, bytes <= inMemoryBytes ? "decoded into memory" : "decoded batch by batch (streamed)");
        return new DataSplits(name, parts[0], parts[1], parts[2], normalization(folder, parts[0], channels),
                folder.classNames());
    }

    /** ImageNet's for the named datasets; else the statistics of the training images (a sample when streamed). */
    private static Normalization normalization(ImageFolder folder, ImageSource train, int channels) {
        if (folder.normalization() != null) {
            return channels == 3 ? folder.normalization() : greyOf(folder.normalization());
        }
        if (train instanceof ImageSet memory) {
            return PixelStatistics.of(memory);
        }
        int n = Math.min(STATISTICS_SAMPLE, train.size());
        int bytes = train.channels() * train.height() * train.width();
        byte[] px = new byte[n * bytes];
        int[] labels = new int[n];
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        int read = train.read(order, 0, n, px, labels);
        return PixelStatistics.of(new ImageSet(train.name(), java.util.Arrays.copyOf(px, read * bytes),
                java.util.Arrays.copyOf(labels, read), train.channels(), train.height(), train.width(),
                train.numClasses()));
    }

    /** 3 when the first image of any class is colour, else 1. */
    private static int channels(LabelledFiles files) {
        int seen = -1;
        for (int i = 0; i < files.size(); i++) {
            if (files.labels()[i] != seen) {
                seen = files.labels()[i];
                if (ImageDecoder.header(files.files().get(i)).colour()) {
                    return 3;
                }
            }
        }
        return 1;
    }

    private static Normalization greyOf(Normalization rgb) {
        float[] m = rgb.mean();
        float[] s = rgb.std();
        return Normalization.uniform(1, (m[0] + m[1] + m[2]) / 3, (s[0] + s[1] + s[2]) / 3);
    }
}
