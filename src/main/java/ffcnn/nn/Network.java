package ffcnn.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ffcnn.encoding.Encoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain of local layers with the residual wiring between them and the input preparation in front:
 * optional bilinear resize, the label encoding ({@link Encoder}: the image alone, or the image with a label in
 * it), then a per-sample input normalisation. Owns the manager that holds its parameters.
 */
public final class Network implements AutoCloseable {

    private static final int BILINEAR = 1;

    /** Most inputs one prediction pass runs at once when every class is tried as a candidate. */
    static final int CANDIDATE_PASS = 512;

    private final NDManager manager;
    private final List<LocalLayer> layers;
    private final int classes;
    private final int inputSize;
    private final boolean endToEnd;
    private final Encoder encoder;
    private final InputNorm inputNorm;
    private final ReadOut readout;

    /**
     * @param manager   owns the parameters (closed with the network)
     * @param layers    the local layers, in order, initialised in {@code manager}
     * @param classes   number of classes K
     * @param inputSize side length images are resized to before layer 0, or 0 for none
     * @param endToEnd  whether all layers learn as one unit from the last layer's loss (the backprop
     *                  baseline) instead of each from its own
     * @param encoder   how labels enter the input
     * @param inputNorm the normalisation of the encoded input
     */
    public Network(NDManager manager, List<LocalLayer> layers, int classes, int inputSize, boolean endToEnd,
            Encoder encoder, InputNorm inputNorm) {
        this(manager, layers, classes, inputSize, endToEnd, encoder, inputNorm, null);
    }

    /** A network with a trainable read-out on its layers' detached outputs ({@code readout} may be null). */
    public Network(NDManager manager, List<LocalLayer> layers, int classes, int inputSize, boolean endToEnd,
            Encoder encoder, InputNorm inputNorm, ReadOut readout) {
        this.readout = readout;
        this.manager = manager;
        this.layers = List.copyOf(layers);
        this.classes = classes;
        this.inputSize = inputSize;
        this.endToEnd = endToEnd;
        this.encoder = encoder;
        this.inputNorm = inputNorm;
    }

    /**
     * The learning units, as {@code [from, to)} layer ranges in order: one per layer for forward-only
     * learning, one spanning every layer for end-to-end learning. No gradient crosses a unit's boundary.
     */
    public List<int[]> units() {
        if (endToEnd) {
            return List.<int[]>of(new int[] {0, layers.size()});
        }
        List<int[]> units = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            units.add(new int[] {l, l + 1});
        }
        return units;
    }

    public List<LocalLayer> layers() {
        return layers;
    }

    /** Each layer's shape, in order. */
    public List<LayerSpec> specs() {
        return layers.stream().map(LocalLayer::spec).toList();
    }

    public int classes() {
        return classes;
    }

    public NDManager manager() {
        return manager;
    }

    public Encoder encoder() {
        return encoder;
    }

    /** The trainable read-out, or null when the network has none. */
    public ReadOut readout() {
        return readout;
    }

    /**
     * Per-layer class scores and the read-out's logits of a batch of images.
     *
     * @param layers  per layer, class scores [B, K]
     * @param readout the read-out's logits [B, K], or null without a read-out
     */
    public record Scores(List<NDArray> layers, NDArray readout) {
    }

    /** The network input of images [B, C, H, W] with a neutral label (the images alone for most methods). */
    public NDArray prepare(NDArray images) {
        return inputNorm.apply(encoder.neutral(resize(images)));
    }

    /**
     * The inputs and targets of a training batch (with negatives for encodings that put the label in). With
     * {@code encoding.negatives: hardest} the wrong labels are those the network scores highest now (evaluation
     * mode, no gradient): the goodness summed over every layer but the first (FF's prediction rule).
     */
    public Encoder.Encoded trainingInput(NDArray images, int[] labels) {
        NDArray x = resize(images);
        Encoder.Encoded e;
        if (encoder.labelInInput() && encoder.negatives().equals("hardest")) {
            List<NDArray> perLayer = scores(x, 0);
            NDArray sum = perLayer.get(Math.min(1, perLayer.size() - 1));
            for (int l = 2; l < perLayer.size(); l++) {
                sum = sum.add(perLayer.get(l));
            }
            float[] flat = sum.toFloatArray();
            float[][] table = new float[labels.length][classes];
            for (int i = 0; i < labels.length; i++) {
                System.arraycopy(flat, i * classes, table[i], 0, classes);
            }
            e = encoder.training(x, labels, Encoder.hardest(table, labels));
        } else {
            e = encoder.training(x, labels);
        }
        return new Encoder.Encoded(inputNorm.apply(e.input()), e.targets());
    }

    /**
     * Per-layer class scores [B, K] of {@code images} in evaluation mode (no dropout). With the label in the
     * input, every class is tried as a candidate (as many at once as {@link #CANDIDATE_PASS} inputs allow) and a
     * layer's score for class k is its score of the input labelled k.
     */
    public List<NDArray> scores(NDArray images, int epoch) {
        return scores(images, epoch, false).layers();
    }

    /**
     * Per-layer class scores (as {@link #scores(NDArray, int)}) and, with {@code readout}, the read-out's logits
     * of the images with a neutral label, from the same pass when the label is not in the input.
     */
    public Scores scores(NDArray images, int epoch, boolean withReadout) {
        boolean read = withReadout && readout != null && !readout.perLayer();
        NDArray x = resize(images);
        if (!encoder.labelInInput()) {
            Pass p = pass(inputNorm.apply(x), (l, y, z) -> unsupervised() ? noClass(y) : score(l, y, z, epoch),
                    read);
            return new Scores(p.read(), read ? readout.logits(p.features()) : null);
        }
        List<NDArray> candidates = candidateScores(x, epoch); // before the neutral pass, which may free x
        return new Scores(candidates, read ? readout.logits(features(images)) : null);
    }

    /**
     * Whether the layers learn without labels (unsupervised Forward-Forward: {@code encoding.negatives: hybrid}):
     * their goodness names no class, so their class scores are all zero (every layer-based strategy then picks
     * class 0) and only the read-out predicts.
     */
    public boolean unsupervised() {
        return encoder.negatives().equals("hybrid");
    }

    /**
     * Layer {@code l}'s class scores [B, K] from its activations y and output z: its head's, or its predictor's in
     * the per-layer read-out when its head does not predict.
     */
    private NDArray score(int l, NDArray y, NDArray z, int epoch) {
        LocalLayer layer = layers.get(l);
        return layer.head().predicts() ? layer.scores(y, epoch) : readout.scores(l, y, z);
    }

    /** All-zero class scores [B, K] for activations {@code y} [B, ...]: a layer that names no class. */
    private NDArray noClass(NDArray y) {
        return y.getManager().zeros(new ai.djl.ndarray.types.Shape(y.getShape().get(0), classes));
    }

    /**
     * The read-out's features of {@code images} with a neutral label: per layer it reads, in evaluation mode (no
     * dropout, no random draw), detached ({@link ReadOut#feature}).
     */
    public List<NDArray> features(NDArray images) {
        AfterStep p = readOutPass(images);
        advance(p, 0, layers.size());
        return p.features();
    }

    /**
     * A further pass of a training batch through the layers after their step on it, taken a range of layers at a
     * time ({@link #advance}), so that the pipeline's stages each take their own layers right after training them:
     * either the read-out's ({@link #readOutPass}: evaluation mode, the features kept) or batch norm's
     * ({@link #statisticsPass}: training mode, so that batch norm updates its running statistics once more; nothing
     * kept). Neither computes a gradient.
     */
    public static final class AfterStep {
        private final ResidualPass pass = new ResidualPass();
        private final List<NDArray> features = new ArrayList<>();
        private final boolean training;
        private NDArray x;
        private int next;

        private AfterStep(NDArray input, boolean training) {
            this.x = input;
            this.training = training;
        }

        /** The read-out's features of the layers passed so far, in layer order (none in a statistics pass). */
        public List<NDArray> features() {
            return features;
        }
    }

    /** The read-out's pass over {@code images} with a neutral label (its arrays in the images' manager). */
    public AfterStep readOutPass(NDArray images) {
        if (readout == null) {
            throw new IllegalStateException("this network has no read-out");
        }
        return new AfterStep(prepare(images), false);
    }

    /** Batch norm's pass over {@code images} with a neutral label (its arrays in the images' manager). */
    public AfterStep statisticsPass(NDArray images) {
        return new AfterStep(prepare(images), true);
    }

    /**
     * Takes {@code p} through layers {@code [from, to)}, each layer's activations freed before the next runs;
     * {@code from} must be where {@code p} stopped.
     */
    public void advance(AfterStep p, int from, int to) {
        if (from != p.next) {
            throw new IllegalArgumentException("pass at layer " + p.next + ", asked to start at " + from);
        }
        p.x = passLayers(p.x, p.pass, from, to, p.training, null, !p.training, new ArrayList<>(), p.features);
        p.next = to;
    }

    private List<NDArray> candidateScores(NDArray x, int epoch) {
        int b = (int) x.getShape().get(0);
        int chunk = Math.max(1, CANDIDATE_PASS / b);
        List<NDList> parts = new ArrayList<>();
        for (int from = 0; from < classes; from += chunk) {
            int to = Math.min(classes, from + chunk);
            List<NDArray> perLayer = layerScores(inputNorm.apply(encoder.candidates(x, from, to)), epoch);
            for (int l = 0; l < perLayer.size(); l++) {
                if (parts.size() <= l) {
                    parts.add(new NDList());
                }
                parts.get(l).add(perLayer.get(l).reshape(to - from, b));
            }
        }
        List<NDArray> out = new ArrayList<>(parts.size());
        for (NDList p : parts) {
            out.add((p.size() == 1 ? p.get(0) : NDArrays.concat(p, 0)).transpose());
        }
        return out;
    }

    /**
     * Class activation maps (specs/ff-cnn-spatial-labels.md 8, option i): per layer, where its goodness for class
     * {@code k} comes from, [B, H, W] at the size of {@code images} (bilinear). With the label in the input the
     * images are labelled k; the layer's head says which channels speak for k ({@link ObjectiveHead#classMap}).
     */
    public List<NDArray> classMaps(NDArray images, int k, int epoch) {
        long[] size = {images.getShape().get(2), images.getShape().get(3)};
        NDArray in = inputNorm.apply(encoder.candidates(resize(images), k, k + 1));
        return perLayer(in, (l, y, z) -> (layers.get(l).head().predicts() ? layers.get(l).head().classMap(y, k, epoch)
                : readout.classMap(l, y, k)).expandDims(1).getNDArrayInternal()
                .interpolation(size, BILINEAR, false).squeeze(1));
    }

    /**
     * The most bytes the arrays of one prediction pass over {@code images} hold at once (measured in the images'
     * manager, which should hold nothing else) when it reads only the heads of the layers {@code heads} accepts
     * (summed as it goes) or, with {@code withReadout}, the read-out's features: layers after the last one read
     * are not run. With the label in the input, the pass measured is the first group of candidates that
     * {@link #scores(NDArray, int)} runs together (the read-out's, the neutral input).
     */
    public long predictionBytes(NDArray images, java.util.function.IntPredicate heads, boolean withReadout,
            int epoch) {
        NDManager step = images.getManager();
        boolean read = withReadout && readout != null && !readout.perLayer();
        int last = read ? layers.size() - 1 : -1;
        for (int l = 0; l < layers.size(); l++) {
            last = heads.test(l) ? Math.max(last, l) : last;
        }
        NDArray x = resize(images);
        if (read || !encoder.labelInInput()) {
            x = read ? prepare(x) : inputNorm.apply(x);
        } else {
            int b = (int) x.getShape().get(0);
            x = inputNorm.apply(encoder.candidates(x, 0, Math.min(classes, Math.max(1, CANDIDATE_PASS / b))));
        }
        long[] peak = {LayerScope.liveBytes(step)};
        NDArray sum = null;
        List<NDArray> feats = new ArrayList<>();
        ResidualPass pass = new ResidualPass();
        for (int l = 0; l <= last; l++) {
            LocalLayer layer = layers.get(l);
            int index = l;
            boolean head = heads.test(l);
            boolean feature = read && readout.reads(l);
            NDList r = LayerScope.run(x, pass, in -> {
                NDArray y = layer.activations(in, false);
                NDArray z = layer.passOn(y);
                NDList kept = new NDList(pass.next(layer.spec().link(), z));
                if (head) {
                    kept.add(score(index, y, z, epoch));
                }
                if (feature) {
                    kept.add(readout.feature(y, z));
                }
                peak[0] = Math.max(peak[0], LayerScope.liveBytes(step));
                return kept;
            });
            x = r.get(0);
            if (head) {
                NDArray s = r.get(1);
                if (sum == null) {
                    sum = s;
                } else { // a running sum: the layers' scores are not kept
                    NDArray next = sum.add(s);
                    sum.close();
                    s.close();
                    sum = next;
                }
            }
            if (feature) {
                feats.add(r.get(r.size() - 1));
            }
            peak[0] = Math.max(peak[0], LayerScope.liveBytes(step));
        }
        if (read) {
            readout.logits(feats);
            peak[0] = Math.max(peak[0], LayerScope.liveBytes(step));
        }
        return peak[0];
    }

    /** Per-layer scores of an already prepared input. */
    private List<NDArray> layerScores(NDArray input, int epoch) {
        return perLayer(input, (l, y, z) -> score(l, y, z, epoch));
    }

    /** What a pass reads from layer {@code l}'s activations y and output z. */
    private interface LayerRead {
        NDArray apply(int l, NDArray y, NDArray z);
    }

    /**
     * What {@code read} takes from each layer's activations, layer after layer in evaluation mode from an
     * already prepared input, each layer's activations freed before the next runs.
     */
    private List<NDArray> perLayer(NDArray input, LayerRead read) {
        return pass(input, read, false).read();
    }

    /** What one pass over the layers kept: per layer what was read, and the read-out's features. */
    private record Pass(List<NDArray> read, List<NDArray> features) {
    }

    /**
     * One pass in evaluation mode from an already prepared input, each layer's activations freed before the next
     * runs: per layer what {@code read} takes from its activations (none when null), and with {@code features} the
     * read-out's feature of every layer it reads.
     */
    private Pass pass(NDArray input, LayerRead read, boolean features) {
        List<NDArray> out = new ArrayList<>(layers.size());
        List<NDArray> feats = new ArrayList<>(layers.size());
        passLayers(input, new ResidualPass(), 0, layers.size(), false, read, features, out, feats);
        return new Pass(out, feats);
    }

    /**
     * Layers {@code [from, to)} of a pass from {@code input} (in evaluation mode unless {@code training}), the
     * pass's residual shortcut in {@code pass}: adds to {@code out} what {@code read} takes from each layer's
     * activations (none when null) and, with {@code features}, to {@code feats} the read-out's feature of every layer
     * it reads; returns the input of layer {@code to}.
     */
    private NDArray passLayers(NDArray input, ResidualPass pass, int from, int to, boolean training,
            LayerRead read, boolean features, List<NDArray> out, List<NDArray> feats) {
        NDArray x = input;
        for (int l = from; l < to; l++) {
            LocalLayer layer = layers.get(l);
            int index = l;
            boolean feature = features && readout.reads(l);
            NDList r = LayerScope.run(x, pass, in -> {
                NDArray y = layer.activations(in, training);
                NDArray z = layer.passOn(y);
                NDList kept = new NDList(pass.next(layer.spec().link(), z));
                if (read != null) {
                    kept.add(read.apply(index, y, z));
                }
                if (feature) {
                    kept.add(readout.feature(y, z));
                }
                return kept;
            });
            x = r.get(0);
            if (read != null) {
                out.add(r.get(1));
            }
            if (feature) {
                feats.add(r.get(r.size() - 1));
            }
        }
        return x;
    }

    private NDArray resize(NDArray images) {
        if (inputSize > 0 && images.getShape().get(2) != inputSize) {
            return images.getNDArrayInternal().interpolation(new long[] {inputSize, inputSize}, BILINEAR, false);
        }
        return images;
    }

    /**
     * Number of learnable scalars of the layers, their per-layer predictors in the read-out included (a classifier
     * over layers counts in its strategy's footprint).
     */
    public long parameterCount() {
        long n = readout != null && readout.perLayer() ? readout.learnable().stream()
                .mapToLong(p -> p.getArray().size()).sum() : 0;
        for (LocalLayer l : layers) {
            for (Parameter p : l.learnable()) {
                n += p.getArray().size();
            }
        }
        return n;
    }

    /**
     * Writes every layer's parameters, then the state of the read-out strategy when there is one (written by the
     * read-out itself; nothing follows the layers otherwise).
     */
    public void saveParameters(DataOutputStream out) throws IOException {
        out.writeInt(layers.size());
        for (LocalLayer l : layers) {
            l.saveParameters(out);
        }
        if (readout != null) {
            readout.saveParameters(out);
        }
    }

    /** Reads parameters written by {@link #saveParameters} into this (identically built) network. */
    public void loadParameters(DataInputStream in) throws IOException, MalformedModelException {
        int n = in.readInt();
        if (n != layers.size()) {
            throw new MalformedModelException("saved network has " + n + " layers, this one " + layers.size());
        }
        for (LocalLayer l : layers) {
            l.loadParameters(manager, in);
            for (Parameter p : l.learnable()) {
                p.getArray().setRequiresGradient(true);
            }
        }
        if (readout != null) {
            readout.load(manager, in);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
