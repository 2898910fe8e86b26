package ffcnn.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ffcnn.data.Batch;
import ffcnn.data.Batches;
import ffcnn.data.ImageSource;
import ffcnn.data.Normalization;
import ffcnn.nn.Network;
import ffcnn.predict.Evaluator;
import ffcnn.report.CamImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws class activation maps ({@link Network#classMaps}) of images over them: a sheet with the image and every
 * layer side by side, and optionally one PNG per layer. {@code ffcnn explain} draws them for the user's images;
 * every run draws them for its first test images into its report.
 */
public final class ClassActivationMaps {

    /** Test images whose maps every run's report shows. */
    static final int REPORT_IMAGES = 4;

    private ClassActivationMaps() {
    }

    /**
     * Writes the maps of image {@code i} of batch {@code b} for class {@code k}: {@code dir/<stem>-layers.png} and,
     * with {@code perLayer}, {@code dir/<stem>-layer<l>.png}; returns the sheet's path.
     */
    public static Path write(Network net, NDManager m, Batch b, int i, int k, int epoch, String caption, Path dir,
            String stem, boolean perLayer) {
        try (NDManager step = m.newSubManager()) {
            // the image twice: a batch of one takes an engine path that warns about the hardware on some CPUs
            NDArray one = Evaluator.images(step, b).get(i + ":" + (i + 1));
            List<NDArray> maps = net.classMaps(one.concat(one, 0), k, epoch);
            float[][] grey = grid(one.mean(new int[] {1}).get(0));
            List<BufferedImage> panels = new ArrayList<>();
            panels.add(CamImage.panel(grey, null, caption));
            for (int l = 0; l < maps.size(); l++) {
                BufferedImage p = CamImage.panel(grey, grid(maps.get(l).get(0)), "layer " + l);
                if (perLayer) {
                    CamImage.write(p, dir.resolve(stem + "-layer" + l + ".png"));
                }
                panels.add(p);
            }
            Path sheet = dir.resolve(stem + "-layers.png");
            CamImage.write(CamImage.sheet(panels), sheet);
            return sheet;
        }
    }

    /** The maps of the first test images for their true class, {@code cam_test<i>-layers.png} in {@code runDir}. */
    static void writeForReport(Network net, ImageSource test, Normalization norm, List<String> classNames, int epoch,
            Path runDir) {
        int n = Math.min(REPORT_IMAGES, test.size());
        try (NDManager m = net.manager().newSubManager(); Batches batches = Batches.ordered(test, norm, n)) {
            Batch b = batches.next();
            for (int i = 0; i < b.size(); i++) { // fewer than n when a folder skips undecodable images
                int k = b.labels()[i];
                write(net, m, b, i, k, epoch, "test " + i + ": " + classNames.get(k), runDir, "cam_test" + i,
                        false);
            }
        }
    }

    private static float[][] grid(NDArray a) {
        int h = (int) a.getShape().get(0);
        int w = (int) a.getShape().get(1);
        float[] v = a.toFloatArray();
        float[][] g = new float[h][w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(v, y * w, g[y], 0, w);
        }
        return g;
    }
}
