package ffcnn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs the engine: applies the engine options first, then does its work. */
abstract class EngineCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        engine.apply();
        PrintWriter out = spec.commandLine().getOut();
        int code = run(out);
        out.flush();
        return code;
    }

    /** The command's work; results go to {@code out}, progress and errors to stderr. */
    protected abstract int run(PrintWriter out);
}
