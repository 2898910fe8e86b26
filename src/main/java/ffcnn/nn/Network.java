package ffcnn.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain of local layers with the residual wiring between them and the input preparation in front
 * (optional bilinear resize, then a per-sample layer norm over (C, H, W)). Owns the manager that holds
 * its parameters.
 */
public final class Network implements AutoCloseable {

    private static final int BILINEAR = 1;

    private final NDManager manager;
    private final List<LocalLayer> layers;
    private final int classes;
    private final int inputSize;
    private final boolean endToEnd;

    /**
     * @param manager   owns the parameters (closed with the network)
     * @param layers    the local layers, in order, initialised in {@code manager}
     * @param classes   number of classes K
     * @param inputSize side length images are resized to before layer 0, or 0 for none
     * @param endToEnd  whether all layers learn as one unit from the last layer's loss (the backprop
     *                  baseline) instead of each from its own
     */
    public Network(NDManager manager, List<LocalLayer> layers, int classes, int inputSize, boolean endToEnd) {
        this.manager = manager;
        this.layers = List.copyOf(layers);
        this.classes = classes;
        this.inputSize = inputSize;
        this.endToEnd = endToEnd;
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

    public int classes() {
        return classes;
    }

    public NDManager manager() {
        return manager;
    }

    /** Resize (if configured) and layer-normalise a batch of images [B, C, H, W]. */
    public NDArray prepare(NDArray images) {
        NDArray x = images;
        if (inputSize > 0 && x.getShape().get(2) != inputSize) {
            x = x.getNDArrayInternal().interpolation(new long[] {inputSize, inputSize}, BILINEAR, false);
        }
        return GroupNormalization.layer(x);
    }

    /**
     * Per-layer class scores [B, K] of {@code images} in evaluation mode (no dropout), every layer run, each
     * layer's activations freed before the next layer runs.
     */
    public List<NDArray> scores(NDArray images, int epoch) {
        List<NDArray> out = new ArrayList<>(layers.size());
        NDArray x = prepare(images);
        ResidualPass pass = new ResidualPass();
        for (LocalLayer layer : layers) {
            NDList r = LayerScope.run(x, pass, in -> {
                NDArray y = layer.activations(in, false);
                return new NDList(pass.next(layer.spec().link(), layer.passOn(y)), layer.scores(y, epoch));
            });
            x = r.get(0);
            out.add(r.get(1));
        }
        return out;
    }

    /** Number of learnable scalars. */
    public long parameterCount() {
        long n = 0;
        for (LocalLayer l : layers) {
            for (Parameter p : l.learnable()) {
                n += p.getArray().size();
            }
        }
        return n;
    }

    /** Writes every layer's parameters. */
    public void saveParameters(DataOutputStream out) throws IOException {
        out.writeInt(layers.size());
        for (LocalLayer l : layers) {
            l.saveParameters(out);
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
    }

    @Override
    public void close() {
        manager.close();
    }
}
