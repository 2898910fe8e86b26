package ffcnn.sweep;

import java.nio.file.Path;

/**
 * What a cluster's own scheduler needs to run a sweep: a Slurm job-array script or a Kubernetes Indexed
 * Job, each task running {@code ffcnn sweep run <manifest> --index <its index>} into the shared sweep
 * folder. ffcnn schedules nothing itself.
 *
 * @param manifest the manifest, as the tasks see it (an absolute path on the shared file system)
 * @param entries  number of entries
 * @param threads  engine threads (and CPUs asked for) per task
 * @param ffcnn    the command that runs ffcnn on the nodes
 * @param dataDir  {@code --data-dir} of the tasks, or null
 */
public record SchedulerScripts(Path manifest, int entries, int threads, String ffcnn, Path dataDir) {

    /** A batch script with {@code #SBATCH --array=0-(N-1)}; submit it with {@code sbatch}. */
    public String slurm() {
        Path dir = manifest.getParent();
        return "#!/bin/bash\n"
                + "#SBATCH --job-name=ffcnn-sweep\n"
                + "#SBATCH --array=0-" + (entries - 1) + "\n"
                + "#SBATCH --ntasks=1\n"
                + "#SBATCH --cpus-per-task=" + threads + "\n"
                + "#SBATCH --output=" + dir.resolve("logs") + "/slurm-%A_%a.out\n"
                + "export OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=" + threads + "\n"
                + "exec " + ffcnn + " sweep run " + manifest + " --index \"$SLURM_ARRAY_TASK_ID\"" + options() + "\n";
    }

    /**
     * An Indexed Job of {@code entries} completions; the sweep folder is a volume ({@code claim}, a
     * PersistentVolumeClaim every pod can mount) at the same path in every pod.
     */
    public String kubernetes(String image, String claim) {
        Path dir = manifest.getParent();
        return "apiVersion: batch/v1\n"
                + "kind: Job\n"
                + "metadata:\n"
                + "  name: ffcnn-sweep\n"
                + "spec:\n"
                + "  completionMode: Indexed\n"
                + "  completions: " + entries + "\n"
                + "  parallelism: " + entries + "\n"
                + "  backoffLimit: " + entries + "\n"
                + "  template:\n"
                + "    spec:\n"
                + "      restartPolicy: Never\n"
                + "      containers:\n"
                + "        - name: ffcnn\n"
                + "          image: " + image + "\n"
                + "          command: [\"sh\", \"-c\", \"exec " + ffcnn + " sweep run " + manifest
                + " --index $JOB_COMPLETION_INDEX" + options() + "\"]\n"
                + "          env:\n"
                + "            - {name: OMP_WAIT_POLICY, value: PASSIVE}\n"
                + "            - {name: OMP_NUM_THREADS, value: \"" + threads + "\"}\n"
                + "          resources:\n"
                + "            requests: {cpu: \"" + threads + "\"}\n"
                + "          volumeMounts:\n"
                + "            - {name: sweep, mountPath: " + dir + "}\n"
                + "      volumes:\n"
                + "        - name: sweep\n"
                + "          persistentVolumeClaim: {claimName: " + claim + "}\n";
    }

    private String options() {
        return " --threads " + threads + " --quiet" + (dataDir == null ? "" : " --data-dir " + dataDir);
    }
}
