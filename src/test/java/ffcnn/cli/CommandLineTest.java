package ffcnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeEach;

/** Runs ffcnn commands as a user types them, capturing what they print. */
abstract class CommandLineTest {

    protected StringWriter out;
    protected StringWriter err;

    @BeforeEach
    void writers() {
        out = new StringWriter();
        err = new StringWriter();
    }

    protected int run(String... args) {
        return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    /** The error output is one line, no stack trace, containing {@code parts}. */
    protected void assertOneErrorLine(String... parts) {
        assertThat(err.toString()).startsWith("ffcnn: ").doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains(parts);
    }
}
