package ffcnn.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The job arrays handed to Slurm and Kubernetes run one manifest entry per task index. */
class SchedulerScriptsTest {

    private final SchedulerScripts scripts = new SchedulerScripts(Path.of("/lab/sweep/manifest.jsonl"), 6, 4,
            "/opt/ffcnn/bin/ffcnn", Path.of("/lab/data"));

    @Test
    void slurmArrayHasOneTaskPerEntry() {
        String s = scripts.slurm();
        assertThat(s).startsWith("#!/bin/bash\n").contains("#SBATCH --array=0-5\n", "#SBATCH --cpus-per-task=4\n",
                "#SBATCH --output=/lab/sweep/logs/slurm-%A_%a.out", "OMP_WAIT_POLICY=PASSIVE",
                "/opt/ffcnn/bin/ffcnn sweep run /lab/sweep/manifest.jsonl --index \"$SLURM_ARRAY_TASK_ID\""
                        + " --threads 4 --quiet --data-dir /lab/data");
    }

    @Test
    void kubernetesIndexedJobHasOneCompletionPerEntry() {
        String k = scripts.kubernetes("registry/ffcnn:1", "lab-sweeps");
        assertThat(k).contains("kind: Job", "completionMode: Indexed", "completions: 6", "image: registry/ffcnn:1",
                "--index $JOB_COMPLETION_INDEX --threads 4", "claimName: lab-sweeps", "mountPath: /lab/sweep",
                "value: PASSIVE");
    }
}
