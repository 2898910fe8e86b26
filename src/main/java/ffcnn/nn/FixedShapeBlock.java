package ffcnn.nn;

import ai.djl.MalformedModelException;
import ai.djl.nn.AbstractBlock;
import java.io.DataInputStream;
import java.io.DataOutputStream;

/**
 * A DJL block whose parameter shapes are fixed by its configuration, so that saving it stores the
 * version byte and parameters only: no input shapes, which these blocks never receive through DJL's
 * shape inference.
 */
public abstract class FixedShapeBlock extends AbstractBlock {

    protected FixedShapeBlock(byte version) {
        super(version);
    }

    @Override
    protected void saveMetadata(DataOutputStream os) {
        // nothing beyond the version byte written by saveParameters
    }

    @Override
    protected void loadMetadata(byte loadVersion, DataInputStream is) throws MalformedModelException {
        if (loadVersion != version) {
            throw new MalformedModelException("unsupported " + getClass().getSimpleName() + " version " + loadVersion);
        }
    }
}
