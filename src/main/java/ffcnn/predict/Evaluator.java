package ffcnn.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ffcnn.data.Batch;
import ffcnn.data.Batches;
import ffcnn.data.ImageSource;
import ffcnn.data.Normalization;
import ffcnn.nn.Network;
import java.nio.FloatBuffer;
import java.util.List;

/** Runs a network in evaluation mode over a set of images and collects every layer's class scores. */
public final class Evaluator {

    private Evaluator() {
    }

    /** Every layer's scores for every image of {@code set}, in order. */
    public static LayerScores scores(Network net, ImageSource set, Normalization norm, int batchSize, int epoch) {
        int layers = net.layers().size();
        int classes = net.classes();
        float[] values = new float[set.size() * layers * classes];
        int[] labels = new int[set.size()];
        int seen = 0; // a source that skips undecodable images yields fewer than set.size()
        int offset = 0;
        try (Batches batches = Batches.ordered(set, norm, batchSize)) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                try (NDManager step = net.manager().newSubManager()) {
                    List<NDArray> perLayer = net.scores(images(step, b), epoch);
                    float[][] layerValues = new float[layers][];
                    for (int l = 0; l < layers; l++) {
                        layerValues[l] = perLayer.get(l).toFloatArray();
                    }
                    System.arraycopy(b.labels(), 0, labels, seen, b.size());
                    seen += b.size();
                    for (int i = 0; i < b.size(); i++) {
                        for (int l = 0; l < layers; l++) {
                            System.arraycopy(layerValues[l], i * classes, values, offset, classes);
                            offset += classes;
                        }
                    }
                }
            }
        }
        if (seen < set.size()) {
            values = java.util.Arrays.copyOf(values, seen * layers * classes);
            labels = java.util.Arrays.copyOf(labels, seen);
        }
        return new LayerScores(seen, layers, classes, values, labels);
    }

    /** The batch's images as an NDArray [B, C, H, W] in {@code manager}. */
    public static NDArray images(NDManager manager, Batch b) {
        return manager.create(FloatBuffer.wrap(b.images(), 0, b.size() * b.channels() * b.height() * b.width()),
                new Shape(b.size(), b.channels(), b.height(), b.width()));
    }
}
