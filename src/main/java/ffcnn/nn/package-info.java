/**
 * Building blocks of local networks: the convolutional body of a layer, the layer that joins a body to
 * its objective head, the named architectures (TinyCNN, VGG, ResNet-17 with width multiplier), the
 * residual wiring between layers and the parameter-free normalisations, and the interfaces a learning rule
 * implements for them ({@link ffcnn.nn.LearningRule}, {@link ffcnn.nn.ObjectiveHead}). Imports
 * {@code ffcnn.encoding} (the input side); must not import objective, train, method, report or cli.
 */
package ffcnn.nn;
