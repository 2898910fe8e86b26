package ffcnn.cli;

import ffcnn.sweep.Manifest;
import ffcnn.sweep.SweepTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ffcnn sweep collect DIR}: the table of whatever of a sweep has finished. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Write DIR/sweep.md, sweep.csv and sweep.png from the runs of the sweep in DIR that have"
                + " finished (mean and std over seeds per setting) and print the Markdown table.")
public final class SweepCollectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var entries = Manifest.read(dir.resolve(Manifest.FILE));
        spec.commandLine().getOut().print(SweepTable.collect(dir, entries).write(dir, TypedCommand.of(spec)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
