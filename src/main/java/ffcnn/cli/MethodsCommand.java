package ffcnn.cli;

import ffcnn.data.KnownDataset;
import ffcnn.method.Method;
import ffcnn.method.Methods;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ffcnn methods}: the registered methods and the presets each has per dataset. */
@Command(name = "methods", mixinStandardHelpOptions = true, description = "List methods and their presets.")
public final class MethodsCommand implements Runnable {

    static final List<String> PRESETS = List.of("paper", "quick", "tiny", "vgg", "x3");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (Method m : Methods.all()) {
            out.printf("%s%n  %s%n", m.name(), m.description());
            for (KnownDataset d : KnownDataset.values()) {
                List<String> found = new ArrayList<>();
                for (String p : PRESETS) {
                    String name = p.equals("paper") ? d.id() : d.id() + "-" + p;
                    if (getClass().getClassLoader().getResource("presets/" + m.name() + "/" + name + ".yaml") != null) {
                        found.add(p);
                    }
                }
                if (!found.isEmpty()) {
                    out.printf("  %-14s presets: %s%n", d.id(), String.join(", ", found));
                }
            }
        }
        out.flush();
    }
}
