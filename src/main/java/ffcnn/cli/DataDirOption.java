package ffcnn.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: where commands that read datasets look first. */
public final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where datasets are (else $FFCNN_DATA, /usr/share/datasets, ~/.cache/ffcnn/datasets).")
    Path dataDir;
}
