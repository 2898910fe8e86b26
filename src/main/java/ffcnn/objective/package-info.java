/**
 * The local learning rules, one file each, each a record bound from a preset's {@code objective:}
 * section whose {@code head} turns a layer's activations into class scores and a local loss. Implements
 * the interfaces of {@code ffcnn.nn} and reads {@code ffcnn.encoding.Targets}; must not import train,
 * method, report or cli.
 */
package ffcnn.objective;
