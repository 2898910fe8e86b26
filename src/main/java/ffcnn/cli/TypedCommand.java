package ffcnn.cli;

import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** A command as the user typed it, quoted for a shell, for the record under a table. */
final class TypedCommand {

    private TypedCommand() {
    }

    static String of(CommandSpec spec) {
        return spec.commandLine().getParseResult().originalArgs().stream()
                .map(a -> a.isEmpty() || a.matches(".*[\\s'\"$\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
                .collect(Collectors.joining(" ", "ffcnn ", ""));
    }
}
