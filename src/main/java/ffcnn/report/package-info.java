/**
 * Reporting of a training run: the progress bar on stderr, {@code metrics.jsonl}/{@code metrics.csv},
 * PNG charts and heat maps, {@code report.html}, JSON files and resource figures; and the table and
 * charts that put finished runs side by side, read from their {@code summary.json}. Everything here
 * observes training through {@link ffcnn.train.TrainingListener} and Java numbers; it must not import
 * {@code ai.djl} (no NDArrays), nor {@code ffcnn.cli}, {@code ffcnn.nn} or {@code ffcnn.objective}.
 */
package ffcnn.report;
