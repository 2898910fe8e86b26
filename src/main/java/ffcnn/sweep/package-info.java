/**
 * Sweeps: many training runs (methods x datasets x presets x settings x seeds) listed in a manifest,
 * run by a local runner of child JVMs or by a cluster's own scheduler (Slurm job arrays, Kubernetes
 * Indexed Jobs, see {@link ffcnn.sweep.SchedulerScripts}), and collected into one table with the mean
 * and spread over seeds. Uses {@code ffcnn.method} to plan and start runs; must not import
 * {@code ffcnn.cli}.
 */
package ffcnn.sweep;
