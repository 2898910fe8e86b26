package ffcnn.cli;

import ffcnn.data.DatasetFetcher;
import ffcnn.data.DatasetLocator;
import ffcnn.data.KnownDataset;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ffcnn datasets fetch NAME}: downloads and checks a dataset's official files. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Downloads a dataset's official files, checks their md5s and unpacks them into DIR/NAME.")
public final class DatasetsFetchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "mnist, fashion-mnist, cifar10 or cifar100.")
    String name;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Root to put it under (default: $XDG_CACHE_HOME/ffcnn/datasets"
                    + " or ~/.cache/ffcnn/datasets).")
    Path dataDir;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Base address to download from instead of the official one"
                    + " (the files must be the official ones).")
    URI mirror;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KnownDataset dataset = KnownDataset.byId(name);
        Path root = dataDir != null ? dataDir : DatasetLocator.cacheRoot();
        PrintWriter err = spec.commandLine().getErr();
        DatasetFetcher fetcher = new DatasetFetcher(root, quiet ? DatasetFetcher.Progress.NONE : progress(err));
        Path dir = mirror != null ? fetcher.fetch(dataset, mirror) : fetcher.fetch(dataset);
        spec.commandLine().getOut().println(dataset.id() + ": " + dir);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static DatasetFetcher.Progress progress(PrintWriter err) {
        return (file, done, total) -> {
            String amount = String.format("%.1f MB", done / 1e6);
            if (total > 0) {
                amount += String.format(" of %.1f MB (%d%%)", total / 1e6, 100 * done / total);
            }
            err.print("\rfetching " + file + ": " + amount + (total > 0 && done >= total ? "\n" : ""));
            err.flush();
        };
    }
}
