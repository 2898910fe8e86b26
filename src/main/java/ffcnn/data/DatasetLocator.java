package ffcnn.data;

import ffcnn.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds where a dataset's files are. Roots are searched in order: {@code --data-dir}, {@code $FFCNN_DATA},
 * the Debian dataset folder {@code /usr/share/datasets}, then the user cache ({@code
 * $XDG_CACHE_HOME/ffcnn/datasets}, default {@code ~/.cache/ffcnn/datasets}, where {@code ffcnn datasets
 * fetch} puts them). Under a root the files may be in {@code <root>/<id>/}, in the official archive folder
 * ({@code <root>/cifar-10-batches-bin/}), or in {@code <root>/} itself. The first folder holding any of
 * the dataset's files wins; missing or damaged files are reported when it is read.
 */
public final class DatasetLocator {

    /** Environment variable naming a data root. */
    public static final String ENV_DATA = "FFCNN_DATA";
    /** Folder of Debian's {@code dataset-*} packages. */
    public static final Path DEBIAN_ROOT = Path.of("/usr/share/datasets");

    /**
     * A folder datasets are looked for under.
     *
     * @param path   the folder
     * @param source why it is searched, e.g. {@code --data-dir}, {@code $FFCNN_DATA}, {@code user cache}
     */
    public record Root(Path path, String source) {
        @Override
        public String toString() {
            return path + " (" + source + ")";
        }
    }

    /**
     * Where a dataset was found.
     *
     * @param dataset the dataset
     * @param dir     the folder holding its files
     * @param root    the root it was found under
     */
    public record Location(KnownDataset dataset, Path dir, Root root) {
        /** For messages: the folder and why it was searched. */
        public String describe() {
            return dir + " (" + root.source() + ")";
        }
    }

    private final List<Root> roots;

    /** A locator searching exactly {@code roots}, in order. */
    public DatasetLocator(List<Root> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The standard search order of this process, with {@code dataDir} ({@code --data-dir}, may be null) first. */
    public static DatasetLocator standard(Path dataDir) {
        return of(dataDir, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The standard search order for a given environment and home folder. */
    static DatasetLocator of(Path dataDir, Map<String, String> env, Path home) {
        List<Root> roots = new ArrayList<>();
        if (dataDir != null) {
            roots.add(new Root(requireDirectory(dataDir, "--data-dir"), "--data-dir"));
        }
        String fromEnv = env.get(ENV_DATA);
        if (fromEnv != null && !fromEnv.isBlank()) {
            roots.add(new Root(requireDirectory(Path.of(fromEnv), "$" + ENV_DATA), "$" + ENV_DATA));
        }
        roots.add(new Root(DEBIAN_ROOT, "Debian datasets"));
        roots.add(new Root(cacheRoot(env, home), "user cache"));
        return new DatasetLocator(roots);
    }

    /** The user cache root of this process, where fetched datasets go by default. */
    public static Path cacheRoot() {
        return cacheRoot(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path cacheRoot(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return cache.resolve("ffcnn").resolve("datasets");
    }

    private static Path requireDirectory(Path dir, String what) {
        if (!Files.exists(dir)) {
            throw new UserInputException(what + " " + dir + ": no such directory");
        }
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            throw new UserInputException(what + " " + dir + ": not a readable directory");
        }
        return dir;
    }

    /** The roots, in search order. */
    public List<Root> roots() {
        return roots;
    }

    /** Where {@code dataset} is, if anywhere. */
    public Optional<Location> find(KnownDataset dataset) {
        for (Root root : roots) {
            for (Path dir : candidates(dataset, root.path())) {
                if (holdsAnyFile(dataset, dir)) {
                    return Optional.of(new Location(dataset, dir, root));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where {@code dataset} is.
     *
     * @throws UserInputException naming the roots searched, when it is nowhere
     */
    public Location locate(KnownDataset dataset) {
        return find(dataset).orElseThrow(() -> new UserInputException(dataset.id() + " not found (looked for "
                + dataset.files().get(0).name() + " under " + describeRoots() + "); run `ffcnn datasets fetch "
                + dataset.id() + "` or pass --data-dir"));
    }

    /** The roots as one line, for messages. */
    public String describeRoots() {
        return roots.stream().map(Root::toString).collect(Collectors.joining(", "));
    }

    /** The folders under {@code root} that may hold {@code dataset}, in the order they are tried. */
    public static List<Path> candidates(KnownDataset dataset, Path root) {
        LinkedHashSet<Path> dirs = new LinkedHashSet<>();
        dirs.add(root.resolve(dataset.id()));
        dataset.archiveFolder().ifPresent(f -> {
            dirs.add(root.resolve(dataset.id()).resolve(f));
            dirs.add(root.resolve(f));
        });
        if (!namedForOtherDataset(dataset, root)) {
            dirs.add(root); // but never mnist/ for fashion-mnist: both have the same file names
        }
        return List.copyOf(dirs);
    }

    private static boolean namedForOtherDataset(KnownDataset dataset, Path root) {
        Path name = root.getFileName();
        if (name == null) {
            return false;
        }
        for (KnownDataset other : KnownDataset.values()) {
            boolean named = name.toString().equals(other.id())
                    || other.archiveFolder().map(name.toString()::equals).orElse(false);
            if (other != dataset && named) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsAnyFile(KnownDataset dataset, Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        return dataset.files().stream().anyMatch(f -> Files.exists(f.in(dir)));
    }
}
