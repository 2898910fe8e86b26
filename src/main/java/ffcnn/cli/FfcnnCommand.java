package ffcnn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root command: prints usage; the work is done by its subcommands. */
@Command(name = "ffcnn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Trains convolutional networks without backpropagation across layers.",
        subcommands = {TrainCommand.class, CompareCommand.class, EvalCommand.class, PredictCommand.class,
            DatasetsCommand.class, MethodsCommand.class, RunsCommand.class, BenchCommand.class, ExplainCommand.class,
            SweepCommand.class, ReproduceCommand.class})
public final class FfcnnCommand implements Runnable {

    @Option(names = "--stacktrace", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error (for bug reports).")
    boolean stacktrace;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
