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

    /**
     * Every layer's scores (and the read-out's logits, when the network has a read-out) for every image of
     * {@code set}, in order, as one table: for small sets (prediction of a few files, tests); evaluation of a split
     * uses {@link #evaluate}, which keeps no table.
     */
    public static LayerScores scores(Network net, ImageSource set, Normalization norm, int batchSize, int epoch) {
        List<LayerScores> parts = new java.util.ArrayList<>();
        forEachBatch(net, set, norm, batchSize, epoch, parts::add);
        return concat(parts, net.layers().size(), net.classes(), readsOut(net));
    }

    /** Adds every batch of {@code set} to {@code evaluation}; returns it. */
    public static Evaluation evaluate(Network net, ImageSource set, Normalization norm, int batchSize, int epoch,
            Evaluation evaluation) {
        forEachBatch(net, set, norm, batchSize, epoch, evaluation::add);
        return evaluation;
    }

    /** Hands every batch's scores of {@code set} to {@code sink}, in order. */
    public static void forEachBatch(Network net, ImageSource set, Normalization norm, int batchSize, int epoch,
            java.util.function.Consumer<LayerScores> sink) {
        int layers = net.layers().size();
        int classes = net.classes();
        boolean readout = readsOut(net);
        try (Batches batches = Batches.ordered(set, norm, batchSize)) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                LayerScores scores;
                try (NDManager step = net.manager().newSubManager()) {
                    Network.Scores out = net.scores(images(step, b), epoch, readout);
                    float[][] layerValues = new float[layers][];
                    for (int l = 0; l < layers; l++) {
                        layerValues[l] = out.layers().get(l).toFloatArray();
                    }
                    float[] values = new float[b.size() * layers * classes];
                    int offset = 0;
                    for (int i = 0; i < b.size(); i++) {
                        for (int l = 0; l < layers; l++) {
                            System.arraycopy(layerValues[l], i * classes, values, offset, classes);
                            offset += classes;
                        }
                    }
                    int[] labels = java.util.Arrays.copyOf(b.labels(), b.size());
                    scores = new LayerScores(b.size(), layers, classes, values, labels,
                            readout ? out.readout().toFloatArray() : null);
                }
                sink.accept(scores);
            }
        }
    }

    /** Whether {@code net} has a read-out with logits of its own (a classifier over layers, not per-layer predictors). */
    private static boolean readsOut(Network net) {
        return net.readout() != null && !net.readout().perLayer();
    }

    /** The batches' scores as one table. */
    static LayerScores concat(List<LayerScores> parts, int layers, int classes, boolean readout) {
        int n = parts.stream().mapToInt(LayerScores::size).sum();
        float[] values = new float[n * layers * classes];
        float[] read = readout ? new float[n * classes] : null;
        int[] labels = new int[n];
        int seen = 0;
        for (LayerScores p : parts) {
            System.arraycopy(p.values(), 0, values, seen * layers * classes, p.values().length);
            System.arraycopy(p.labels(), 0, labels, seen, p.size());
            if (readout) {
                System.arraycopy(p.readout(), 0, read, seen * classes, p.size() * classes);
            }
            seen += p.size();
        }
        return new LayerScores(n, layers, classes, values, labels, read);
    }

    /** The batch's images as an NDArray [B, C, H, W] in {@code manager}. */
    public static NDArray images(NDManager manager, Batch b) {
        return manager.create(FloatBuffer.wrap(b.images(), 0, b.size() * b.channels() * b.height() * b.width()),
                new Shape(b.size(), b.channels(), b.height(), b.width()));
    }
}
