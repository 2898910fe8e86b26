package ffcnn.cli;

import ffcnn.data.Checksums;
import ffcnn.data.DatasetLocator;
import ffcnn.data.FolderDatasets;
import ffcnn.data.KnownDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ffcnn datasets [list]}: where each known dataset is and whether its files are the official ones. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = {"Lists the known datasets, where they were found and whether their md5s are the official ones.",
            "Looked for under --data-dir, $FFCNN_DATA, /usr/share/datasets, then ~/.cache/ffcnn/datasets.",
            "Image folders found there are listed too: tiny-imagenet, imagenet, and folder:DIR for any DIR with",
            "train/<class>/ and test/<class>/ (or val/<class>/)."},
        subcommands = {DatasetsFetchCommand.class})
public final class DatasetsCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder to look in first.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        printTable(dataDir, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    /** {@code ffcnn datasets list}: the same table. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the known datasets (the default).")
    int list(@Option(names = "--data-dir", paramLabel = "DIR", description = "Folder to look in first.") Path dir) {
        printTable(dir != null ? dir : dataDir, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    private static void printTable(Path dataDir, PrintWriter out, PrintWriter err) {
        DatasetLocator locator = DatasetLocator.standard(dataDir);
        String format = "%-14s %-60s %s%n";
        out.printf(format, "dataset", "location", "checksums");
        boolean missing = false;
        boolean underDataDir = false;
        for (KnownDataset d : KnownDataset.values()) {
            Optional<DatasetLocator.Location> where = locator.find(d);
            missing |= where.isEmpty();
            underDataDir |= where.map(w -> w.root().source().equals("--data-dir")).orElse(false);
            out.printf(format, d.id(), where.map(DatasetLocator.Location::describe).orElse("not found"),
                    where.map(w -> Checksums.summary(Checksums.verify(d, w.dir()))).orElse("-"));
        }
        for (FolderDatasets.Found f : FolderDatasets.list(locator)) {
            underDataDir |= f.root().source().equals("--data-dir");
            out.printf(format, f.id(), f.dir() + " (" + f.root().source() + ")", "image folder, no checksums");
        }
        if (dataDir != null && !underDataDir) {
            err.println("ffcnn: no dataset is under --data-dir " + dataDir + " (looked for NAME/ folders and the "
                    + "official file names, gzip or not); the locations above are other folders");
        }
        if (missing) {
            out.println("looked under: " + locator.describeRoots() + "; get one with `ffcnn datasets fetch NAME`");
        }
        out.flush();
        err.flush();
    }
}
