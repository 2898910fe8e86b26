package ffcnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * PyTorch's AdamW for one layer's parameters, with PyTorch's placement of eps and bias correction
 * (specs/caw-conv.md 8.1), preceded by optional global-norm gradient clipping over the layer:
 *
 * <pre>
 * g     = g * min(1, maxNorm / (||g||_2 + 1e-6))             (over all the layer's parameters)
 * theta = theta * (1 - lr * wd)
 * m     = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2
 * theta = theta - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 *
 * Updates are in place, outside any gradient scope; gradients are zeroed after each step. Where a parameter, its
 * gradient and its moments lie in host memory ({@link HostView}), the update after clipping is one pass over them in
 * Java, split over the engine's threads: the engine's thirteen element-wise calls each read and write whole arrays,
 * which for a 2000 x 2000 layer costs four times the memory traffic of the update itself. Both paths compute the
 * same float operations in the same order.
 */
public final class AdamW implements Optimizer {

    private final List<Parameter> params;
    private final double[] lrScale;
    private final double[] weightDecay;
    private final double clipNorm;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final NDManager stateManager;
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();
    private FloatBuffer[] firstViews;
    private FloatBuffer[] secondViews;
    /** Parameters found without a host view once stay on the engine path: each such probe copies the array. */
    private boolean[] engineOnly;
    private long steps;

    /**
     * @param params      the layer's parameters
     * @param weightDecay decoupled decay (0 for plain Adam)
     * @param clipNorm    global-norm clip over the layer's gradients, or 0 for none
     * @param manager     where the moment buffers live (the network's manager)
     */
    public AdamW(List<Parameter> params, double weightDecay, double clipNorm, NDManager manager) {
        this(params, same(params.size(), 1), same(params.size(), weightDecay), clipNorm, manager);
    }

    /**
     * An optimiser whose parameters belong to groups of their own settings: parameter i learns at
     * {@code lrScale[i]} times the scheduled rate with decay {@code weightDecay[i]}; clipping still spans them all.
     */
    public AdamW(List<Parameter> params, double[] lrScale, double[] weightDecay, double clipNorm, NDManager manager) {
        this(params, lrScale, weightDecay, clipNorm, 0.9f, 0.999f, 1e-8f, manager);
    }

    public AdamW(List<Parameter> params, double weightDecay, double clipNorm, float beta1, float beta2, float eps,
            NDManager manager) {
        this(params, same(params.size(), 1), same(params.size(), weightDecay), clipNorm, beta1, beta2, eps, manager);
    }

    private AdamW(List<Parameter> params, double[] lrScale, double[] weightDecay, double clipNorm, float beta1,
            float beta2, float eps, NDManager manager) {
        if (lrScale.length != params.size() || weightDecay.length != params.size()) {
            throw new IllegalArgumentException(params.size() + " parameters, " + lrScale.length + " rates, "
                    + weightDecay.length + " decays");
        }
        this.params = List.copyOf(params);
        this.lrScale = lrScale.clone();
        this.weightDecay = weightDecay.clone();
        this.clipNorm = clipNorm;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.stateManager = manager.newSubManager();
        for (Parameter p : this.params) {
            first.add(stateManager.zeros(p.getArray().getShape()));
            second.add(stateManager.zeros(p.getArray().getShape()));
        }
    }

    static double[] same(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    @Override
    public boolean isEmpty() {
        return params.isEmpty();
    }

    @Override
    public long steps() {
        return steps;
    }

    /** One update with learning rate {@code lr} from the gradients the last backward left. */
    @Override
    public void step(double lr) {
        steps++;
        float bc1 = (float) (1 - Math.pow(beta1, steps));
        float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, steps));
        if (firstViews == null) {
            firstViews = first.stream().map(HostView::of).toArray(FloatBuffer[]::new);
            secondViews = second.stream().map(HostView::of).toArray(FloatBuffer[]::new);
            engineOnly = new boolean[params.size()];
            for (int i = 0; i < params.size(); i++) {
                engineOnly[i] = firstViews[i] == null || secondViews[i] == null;
            }
        }
        try (NDManager tmp = stateManager.newSubManager()) {
            List<NDArray> grads = Gradients.take(params, clipNorm, tmp);
            for (int i = 0; i < params.size(); i++) {
                NDArray theta = params.get(i).getArray();
                NDArray g = grads.get(i);
                double rate = lr * lrScale[i];
                float decay = (float) (1 - rate * weightDecay[i]);
                float stepSize = (float) (rate / bc1);
                FloatBuffer w = engineOnly[i] ? null : HostView.of(theta);
                FloatBuffer gv = w == null ? null : HostView.of(g);
                if (gv != null) {
                    new HostStep(w, gv, firstViews[i], secondViews[i], beta1, beta2, eps, decay, stepSize, bc2Sqrt).run();
                    continue;
                }
                engineOnly[i] = true;
                NDArray m = first.get(i).muli(beta1).addi(g.mul(1 - beta1));
                NDArray v = second.get(i).muli(beta2).addi(g.mul(g).muli(1 - beta2));
                if (decay != 1f) {
                    theta.muli(decay);
                }
                // results join their first operand's manager: move the ones made from m and v to tmp
                NDArray denom = v.sqrt();
                denom.attach(tmp);
                denom.divi(bc2Sqrt).addi(eps);
                NDArray update = m.div(denom);
                update.attach(tmp);
                theta.subi(update.muli(stepSize));
                Gradients.zero(theta, g);
            }
        }
    }

    /** The update of one parameter in host memory: the engine path's operations, element by element, in chunks. */
    private record HostStep(FloatBuffer theta, FloatBuffer grad, FloatBuffer m, FloatBuffer v, float beta1,
            float beta2, float eps, float decay, float stepSize, float bc2Sqrt) {
        private static final int CHUNK = 4096;
        private static final int MIN_SLICE = 1 << 16;
        private static final float[] ZEROS = new float[CHUNK];

        void run() {
            int n = theta.capacity();
            int slices = Math.max(1, Math.min(Pipeline.engineThreads(), n / MIN_SLICE));
            if (slices == 1) {
                update(0, n);
            } else {
                IntStream.range(0, slices).parallel().forEach(s -> update(
                        (int) ((long) n * s / slices), (int) ((long) n * (s + 1) / slices)));
            }
        }

        private void update(int from, int to) {
            float[] w = new float[CHUNK];
            float[] g = new float[CHUNK];
            float[] a = new float[CHUNK];
            float[] b = new float[CHUNK];
            float keep1 = 1 - beta1;
            float keep2 = 1 - beta2;
            for (int start = from; start < to; start += CHUNK) {
                int len = Math.min(CHUNK, to - start);
                theta.get(start, w, 0, len);
                grad.get(start, g, 0, len);
                m.get(start, a, 0, len);
                v.get(start, b, 0, len);
                for (int k = 0; k < len; k++) {
                    float gk = g[k];
                    float mk = a[k] * beta1 + gk * keep1;
                    float vk = b[k] * beta2 + gk * gk * keep2;
                    a[k] = mk;
                    b[k] = vk;
                    float denom = (float) Math.sqrt(vk) / bc2Sqrt + eps;
                    w[k] = w[k] * decay - mk / denom * stepSize;
                }
                theta.put(start, w, 0, len);
                m.put(start, a, 0, len);
                v.put(start, b, 0, len);
                grad.put(start, ZEROS, 0, len);
            }
        }
    }

    /** Writes the step count and moment buffers. */
    @Override
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        for (int i = 0; i < params.size(); i++) {
            out.write(first.get(i).encode());
            out.write(second.get(i).encode());
        }
    }

    /** Reads what {@link #save} wrote. */
    @Override
    public void load(DataInputStream in) throws IOException {
        steps = in.readLong();
        for (int i = 0; i < params.size(); i++) {
            first.set(i, replace(first.get(i), stateManager.decode(in)));
            second.set(i, replace(second.get(i), stateManager.decode(in)));
        }
        firstViews = null;
        secondViews = null;
    }

    private static NDArray replace(NDArray old, NDArray loaded) {
        old.close();
        return loaded;
    }
}
