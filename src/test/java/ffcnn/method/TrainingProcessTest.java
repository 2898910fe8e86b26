package ffcnn.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of a training process; CompareCommandTest starts real ones. */
class TrainingProcessTest {

    @Test
    void isThisJvmRunningTheCommandLine() {
        TrainingProcess p = new TrainingProcess(Path.of("data"), 3, "cpu", true, null, null);
        List<String> cmd = p.command(List.of("train", "--resume", "r"));
        assertThat(cmd.get(0)).endsWith("java");
        assertThat(cmd).contains("-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"));
        assertThat(cmd.subList(cmd.indexOf(TrainingProcess.MAIN_CLASS), cmd.size())).containsExactly(
                "ffcnn.cli.Main", "train", "--resume", "r", "--quiet", "--threads", "3", "--device", "cpu", "--data-dir", "data");
        assertThat(TrainingProcess.engineEnvironment(3)).containsEntry("OMP_WAIT_POLICY", "PASSIVE")
                .containsEntry("OMP_NUM_THREADS", "3");
        assertThat(TrainingProcess.share(2, 2)).isEqualTo(1);
        assertThat(TrainingProcess.share(16, 3)).isEqualTo(5);
        assertThat(TrainingProcess.share(2, 4)).isEqualTo(1);
        assertThat(TrainingProcess.jvmOptions(List.of("-Xmx4g", "-agentlib:jdwp=transport=dt_socket,address=5005")))
                .containsExactly("-Xmx4g");
    }
}
