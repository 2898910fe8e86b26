package ffcnn.cli;

import ffcnn.data.FolderDatasets;
import ffcnn.data.KnownDataset;
import ffcnn.method.Method;
import ffcnn.method.Methods;
import ffcnn.method.PresetLoader;
import ffcnn.method.RunConfig;
import ffcnn.train.TrainConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ffcnn methods}: the registered methods and the presets each has per dataset. */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = "List methods and their presets; with --details, what each preset trains and the paper's figure.")
public final class MethodsCommand implements Runnable {

    static final List<String> PRESETS = List.of("paper", "quick", "fast", "tiny", "vgg", "x3", "loewex");

    @Option(names = "--details", description = "Per preset: network, epochs, batch size, learning rate, and its aim.")
    boolean details;

    @Parameters(arity = "0..1", paramLabel = "METHOD", description = "Only this method.")
    String only;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<Method> methods = only == null ? Methods.all() : List.of(Methods.get(only));
        for (Method m : methods) {
            out.printf("%s%n  %s%n", m.name(), m.description());
            for (String id : datasetIds()) {
                List<String> found = new ArrayList<>();
                for (String p : PRESETS) {
                    if (PresetLoader.description(m.name(), id, p) != null) {
                        found.add(p);
                    }
                }
                if (found.isEmpty()) {
                    continue;
                }
                String shown = id.equals("folder") ? "folder:DIR" : id;
                if (details) {
                    out.printf("  %s%n", shown);
                    found.forEach(p -> out.println(detail(m.name(), id, p)));
                } else {
                    out.printf("  %-14s presets: %s%s%n", shown, String.join(", ", found),
                            labels(m.name(), id, found.get(0)));
                }
            }
        }
        out.printf("prediction strategies (ffcnn eval reports each; --strategy of ffcnn predict):%n");
        ffcnn.predict.Strategies.DESCRIPTIONS.forEach((name, what) -> out.printf("  %-15s %s%n", name, what));
        out.flush();
    }

    /** The benchmark ids, then the image folders' ({@code folder} stands for every {@code folder:DIR}). */
    private static List<String> datasetIds() {
        List<String> ids = new ArrayList<>();
        for (KnownDataset d : KnownDataset.values()) {
            ids.add(d.id());
        }
        ids.addAll(FolderDatasets.NAMED);
        ids.add("folder");
        return ids;
    }

    /**
     * {@code  (labels in the input: overlay)} for a method whose presets put the label into the input, and
     * {@code  (read-out: linear-heads)} for one that trains a read-out.
     */
    private static String labels(String method, String dataset, String preset) {
        RunConfig c = PresetLoader.load(method, dataset, preset, List.of());
        String kind = c.encoding().kind();
        String readout = c.predict().readout();
        return (kind.equals("identity") ? "" : " (labels in the input: " + kind + ")")
                + (readout.equals("none") ? "" : " (read-out: " + readout + ")");
    }

    /** {@code     quick   tiny-cnn x1.0, 2 epochs, batch 32, lr 0.001: CPU-sized CAW-Conv on ...}. */
    private static String detail(String method, String dataset, String preset) {
        RunConfig c = PresetLoader.load(method, dataset, preset, List.of());
        TrainConfig t = c.train();
        String labels = c.encoding().kind().equals("identity") ? "" : ", " + c.encoding().kind() + " labels";
        return String.format(Locale.ROOT, "    %-6s %s x%s%s, %d epochs, batch %d, lr %s: %s", preset,
                c.model().arch(), c.model().width(), labels, t.epochs(), t.batchSize(), t.lr(),
                PresetLoader.description(method, dataset, preset));
    }
}
