package ffcnn.testing;

import ffcnn.data.DatasetLocator;
import ffcnn.data.KnownDataset;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real datasets for tests, found the way users' runs find them ({@code $FFCNN_DATA}, {@code /usr/share/datasets},
 * the cache folder; never a path named in a test). Fashion-MNIST is always there after {@code bin/test}'s set-up;
 * a test that needs MNIST or CIFAR-10 is skipped where they are missing, with one line saying how to get them.
 */
public final class RealData {

    /**
     * JUnit tag of the learning cases that train on Fashion-MNIST: it comes from the same Debian package on
     * every machine, so such a case behaves the same in a clone with nothing beside it. CI runs them once, in its
     * first pass, and leaves them out of its fresh-clone pass ({@code -DexcludedGroups=fashion-mnist}).
     */
    public static final String FASHION_MNIST = "fashion-mnist";

    private RealData() {
    }

    /**
     * The folder holding {@code id}'s files; skips the calling test (with one line on standard error) when the
     * dataset is nowhere to be found.
     */
    public static Path require(String id) {
        KnownDataset dataset = KnownDataset.byId(id);
        var location = DatasetLocator.standard(null).find(dataset);
        if (location.isEmpty()) {
            String line = "skipped: " + id + " is not under " + DatasetLocator.standard(null).describeRoots()
                    + "; get it with `bin/ffcnn datasets fetch " + id + "` or point FFCNN_DATA at a folder holding "
                    + id + "/";
            System.err.println(line);
            Assumptions.abort(line);
        }
        return location.get().dir();
    }

    /** Whether {@code id} can be found (for tests that only choose what to check). */
    public static boolean present(String id) {
        return DatasetLocator.standard(null).find(KnownDataset.byId(id)).isPresent();
    }
}
