/**
 * ffcnn: forward-only training of convolutional networks. Data flows
 * {@code ffcnn.data} (datasets, batches) -> {@code ffcnn.nn} (local layers) -> {@code ffcnn.objective}
 * (local losses) -> {@code ffcnn.predict} (predictions) -> {@code ffcnn.report} (logs, charts);
 * {@code ffcnn.train} runs the loop, {@code ffcnn.method} turns a preset into a configured run and
 * {@code ffcnn.cli} is the command line on top.
 */
package ffcnn;
