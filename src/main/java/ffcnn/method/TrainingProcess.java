package ffcnn.method;

import ffcnn.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code ffcnn train} in a fresh JVM: this JVM's {@code java}, class path and JVM options (heap
 * size, system properties such as {@code ai.djl.offline}), the environment inherited. In a process of its
 * own a run's peak resident memory, which it records in summary.json, is its own.
 *
 * @param dataDir where datasets are ({@code --data-dir}), or {@code null} for the default places
 * @param threads engine threads of the training process
 * @param quiet   whether the training process leaves out progress bars
 * @param out     where the process's stdout lines go, or {@code null} to share this process's stdout
 * @param err     where its stderr lines go, or {@code null} to share this process's stderr (on a
 *                terminal, progress bars then draw as in {@code ffcnn train})
 * @param env     variables set in the process's environment on top of the inherited ones
 */
public record TrainingProcess(Path dataDir, int threads, boolean quiet, PrintWriter out, PrintWriter err,
        Map<String, String> env) {

    /** The class whose {@code main} runs the command line. */
    static final String MAIN_CLASS = "ffcnn.cli.Main";

    public TrainingProcess {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        env = Map.copyOf(env);
    }

    /** A process with the inherited environment only. */
    public TrainingProcess(Path dataDir, int threads, boolean quiet, PrintWriter out, PrintWriter err) {
        this(dataDir, threads, quiet, out, err, Map.of());
    }

    /**
     * A process that shares the machine with others: {@code threads} engine threads, OpenMP told so
     * ({@code OMP_NUM_THREADS}) and to sleep rather than spin while it waits ({@code OMP_WAIT_POLICY=PASSIVE}),
     * so that processes side by side do not steal each other's cores.
     */
    public static TrainingProcess sharing(Path dataDir, int threads, boolean quiet, PrintWriter out, PrintWriter err) {
        return new TrainingProcess(dataDir, threads, quiet, out, err,
                Map.of("OMP_NUM_THREADS", String.valueOf(threads), "OMP_WAIT_POLICY", "PASSIVE"));
    }

    /**
     * Runs {@code ffcnn} with {@code trainArguments} (e.g. {@code train --resume DIR}) plus this record's
     * options, and waits for it. If this JVM is shut down meanwhile, the process is stopped too.
     *
     * @throws UserInputException        when the process exits with status 2 (a user error it reported)
     * @throws TrainingProcessException  when it exits with another non-zero status
     */
    public void run(String method, List<String> trainArguments) {
        ProcessBuilder builder = new ProcessBuilder(command(trainArguments)).redirectInput(Redirect.INHERIT)
                .redirectOutput(out == null ? Redirect.INHERIT : Redirect.PIPE)
                .redirectError(err == null ? Redirect.INHERIT : Redirect.PIPE);
        builder.environment().putAll(env);
        int status = waitFor(start(builder));
        if (status == 2) {
            throw new UserInputException(method + ": training stopped with exit status 2 (its error is above)");
        }
        if (status != 0) {
            throw new TrainingProcessException(method, status);
        }
    }

    /** The whole command line: java, JVM options, class path, main class, arguments and options. */
    List<String> command(List<String> trainArguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        cmd.addAll(trainArguments);
        if (quiet) {
            cmd.add("--quiet");
        }
        cmd.addAll(List.of("--threads", String.valueOf(threads)));
        if (dataDir != null) {
            cmd.addAll(List.of("--data-dir", dataDir.toString()));
        }
        return cmd;
    }

    /** This JVM's options minus a debugger agent, whose port the new process could not open again. */
    static List<String> jvmOptions(List<String> inputArguments) {
        return inputArguments.stream()
                .filter(a -> !a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp") && !a.equals("-Xdebug"))
                .toList();
    }

    private Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    private int waitFor(Process process) {
        Thread stop = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        List<Thread> pumps = new ArrayList<>();
        if (out != null) {
            pumps.add(pump(process.getInputStream(), out));
        }
        if (err != null) {
            pumps.add(pump(process.getErrorStream(), err));
        }
        try {
            int status = process.waitFor();
            for (Thread p : pumps) {
                p.join();
            }
            return status;
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for training", e);
        } finally {
            removeHook(stop);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now and stops the process; nothing to undo
        }
    }

    /** A thread copying {@code in} line by line to {@code to}. */
    private static Thread pump(InputStream in, PrintWriter to) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    to.println(line);
                    to.flush();
                }
            } catch (IOException e) {
                to.println("ffcnn: output of the training process lost: " + e.getMessage());
                to.flush();
            }
        }, "training-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
