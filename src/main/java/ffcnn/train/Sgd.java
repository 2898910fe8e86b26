package ffcnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's SGD with momentum and (coupled, L2) weight decay for one layer's parameters, the optimiser of loeweX's
 * Forward-Forward (specs/baselines.md 3.7: momentum 0.9, lr 1e-3, weight decay 3e-4), preceded by the same
 * optional global-norm gradient clipping over the layer as {@link AdamW}:
 *
 * <pre>
 * g     = g + wd * theta
 * b     = mu * b + g                    (b = g on the first step: the buffer starts at zero)
 * theta = theta - lr * b
 * </pre>
 *
 * No dampening, no Nesterov. Updates are in place, outside any gradient scope; gradients are zeroed after each
 * step.
 */
public final class Sgd implements Optimizer {

    private final List<Parameter> params;
    private final double[] lrScale;
    private final float[] weightDecay;
    private final double clipNorm;
    private final float momentum;
    private final NDManager stateManager;
    private final List<NDArray> buffers = new ArrayList<>();
    private long steps;

    /**
     * @param params      the layer's parameters
     * @param momentum    mu in [0, 1)
     * @param weightDecay the L2 factor added to the gradient (0 for none)
     * @param clipNorm    global-norm clip over the layer's gradients, or 0 for none
     * @param manager     where the momentum buffers live (the network's manager)
     */
    public Sgd(List<Parameter> params, double momentum, double weightDecay, double clipNorm, NDManager manager) {
        this(params, AdamW.same(params.size(), 1), AdamW.same(params.size(), weightDecay), momentum, clipNorm,
                manager);
    }

    /**
     * An optimiser whose parameters belong to groups of their own settings: parameter i learns at
     * {@code lrScale[i]} times the scheduled rate with L2 factor {@code weightDecay[i]}.
     */
    public Sgd(List<Parameter> params, double[] lrScale, double[] weightDecay, double momentum, double clipNorm,
            NDManager manager) {
        if (lrScale.length != params.size() || weightDecay.length != params.size()) {
            throw new IllegalArgumentException(params.size() + " parameters, " + lrScale.length + " rates, "
                    + weightDecay.length + " decays");
        }
        this.params = List.copyOf(params);
        this.lrScale = lrScale.clone();
        this.weightDecay = new float[weightDecay.length];
        for (int i = 0; i < weightDecay.length; i++) {
            this.weightDecay[i] = (float) weightDecay[i];
        }
        this.momentum = (float) momentum;
        this.clipNorm = clipNorm;
        this.stateManager = manager.newSubManager();
        for (Parameter p : this.params) {
            buffers.add(stateManager.zeros(p.getArray().getShape()));
        }
    }

    @Override
    public boolean isEmpty() {
        return params.isEmpty();
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void step(double lr) {
        steps++;
        try (NDManager tmp = stateManager.newSubManager()) {
            List<NDArray> grads = Gradients.take(params, clipNorm, tmp);
            for (int i = 0; i < params.size(); i++) {
                NDArray theta = params.get(i).getArray();
                NDArray g = grads.get(i);
                NDArray d = g;
                if (weightDecay[i] != 0f) {
                    d = theta.mul(weightDecay[i]); // joins theta's manager: moved to tmp
                    d.attach(tmp);
                    d.addi(g);
                }
                NDArray b = buffers.get(i).muli(momentum).addi(d);
                NDArray update = b.mul((float) (lr * lrScale[i]));
                update.attach(tmp);
                theta.subi(update);
                Gradients.zero(theta, g);
            }
        }
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        for (NDArray b : buffers) {
            out.write(b.encode());
        }
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        steps = in.readLong();
        for (int i = 0; i < buffers.size(); i++) {
            buffers.get(i).close();
            buffers.set(i, stateManager.decode(in));
        }
    }
}
