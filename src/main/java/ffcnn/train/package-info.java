/**
 * The forward-only training loop: the per-layer step, PyTorch-exact AdamW with global-norm clipping,
 * the cosine schedule, per-epoch evaluation, run state and the model/checkpoint file format. Listeners
 * observe it; it must not import report, method or cli.
 */
package ffcnn.train;
