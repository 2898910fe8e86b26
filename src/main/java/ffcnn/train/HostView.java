package ffcnn.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * A writable view of a float32 array's memory in this process, for the optimisers' one-pass CPU updates. PyTorch
 * hands out a view only for dense, contiguous arrays in host memory (for any other it copies the array, and writes
 * to the copy would be lost), so a view is trusted only after a write through it shows in the array itself. That
 * copy stays with the array's manager until the manager closes: callers ask again only for arrays that had a view.
 */
final class HostView {

    private HostView() {
    }

    /** The view of {@code array}'s memory, or null where there is none (a GPU array, another type, a copy). */
    static FloatBuffer of(NDArray array) {
        if (!(array instanceof PtNDArray pt) || !Device.cpu().equals(array.getDevice())
                || array.getDataType() != DataType.FLOAT32 || array.isSparse() || array.size() == 0) {
            return null;
        }
        ByteBuffer bytes = pt.toByteBuffer(true);
        if (!bytes.isDirect() || bytes.capacity() != array.size() * Float.BYTES) {
            return null;
        }
        FloatBuffer view = bytes.asFloatBuffer();
        float old = view.get(0);
        float probe = old == 1f ? 2f : 1f;
        view.put(0, probe);
        long[] first = new long[array.getShape().dimension()];
        boolean shared = array.getFloat(first) == probe;
        view.put(0, old);
        return shared ? view : null;
    }
}
