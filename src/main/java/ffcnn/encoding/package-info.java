/**
 * How labels enter the input: the image alone, one-hot pixels, Fourier patterns, morphological
 * transformations; the choice of negative labels. Imports nothing of ffcnn but {@code ffcnn.UserInputException}.
 */
package ffcnn.encoding;
