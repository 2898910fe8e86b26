package ffcnn.train;

/**
 * What listeners need to know about a run.
 *
 * @param method       method name, e.g. {@code caw-conv}
 * @param dataset      dataset name, e.g. {@code fashion-mnist}
 * @param epochs       total epochs of the run
 * @param firstEpoch   the epoch this process starts at (non-zero after a resume)
 * @param trainImages  training images per epoch
 * @param layers       number of local layers
 */
public record RunInfo(String method, String dataset, int epochs, int firstEpoch, int trainImages, int layers) {
}
