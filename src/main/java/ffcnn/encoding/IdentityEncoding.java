package ffcnn.encoding;

import ai.djl.ndarray.NDArray;

/** The image alone: the label stays out of the input (every method whose heads learn from class indices). */
public final class IdentityEncoding implements Encoding {

    @Override
    public boolean labelInInput() {
        return false;
    }

    @Override
    public NDArray embed(NDArray images, int[] classes) {
        return images;
    }

    @Override
    public NDArray neutral(NDArray images) {
        return images;
    }
}
