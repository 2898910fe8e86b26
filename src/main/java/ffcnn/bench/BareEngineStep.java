package ffcnn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ffcnn.nn.Convolution;
import ffcnn.nn.LayerSpec;
import ffcnn.nn.Scalars;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference for ffcnn's overhead: one CAW-Conv TinyCNN training step written with bare DJL calls
 * on raw arrays, the same operations in the same order as ffcnn's layers, objective and optimiser, and
 * none of ffcnn's classes on the path. Deliberately a second copy of that arithmetic: it is what ffcnn
 * is measured against.
 */
final class BareEngineStep {

    private static final Shape TWO = new Shape(2, 2);
    private static final float B1 = 0.9f;
    private static final float B2 = 0.999f;

    private final List<LayerSpec> specs;
    private final List<NDArray[]> params = new ArrayList<>();
    private final List<NDArray[]> moments = new ArrayList<>();
    private final int classes;
    private long steps;

    BareEngineStep(NDManager m, List<LayerSpec> specs, int classes) {
        this.specs = specs;
        this.classes = classes;
        for (LayerSpec s : specs) {
            float bound = (float) (1 / Math.sqrt(s.inChannels() * s.kernel() * s.kernel()));
            NDArray[] p = {
                m.randomUniform(-bound, bound, new Shape(s.outChannels(), s.inChannels(), s.kernel(), s.kernel())),
                m.full(new Shape(s.outChannels(), classes), 0.5f), m.full(new Shape(1), (float) Math.log(10))};
            NDArray[] mv = new NDArray[6];
            for (int i = 0; i < 3; i++) {
                p[i].setRequiresGradient(true);
                mv[2 * i] = m.zeros(p[i].getShape());
                mv[2 * i + 1] = m.zeros(p[i].getShape());
            }
            params.add(p);
            moments.add(mv);
        }
    }

    /** One batch through every layer; {@code clock} gets each layer's phases. */
    void step(NDManager step, NDArray images, NDArray labels, PhaseTimes times) {
        steps++;
        NDArray x = layerNorm(images);
        NDArray target = Scalars.times(labels.oneHot(classes), 0.9f).add(0.1f / classes);
        for (int l = 0; l < specs.size(); l++) {
            LayerSpec s = specs.get(l);
            NDArray[] p = params.get(l);
            long t0 = System.nanoTime();
            NDArray y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray in = x.stopGradient();
                if (s.poolBefore()) {
                    in = Pool.avgPool2d(in, TWO, TWO, new Shape(0, 0), false, true);
                }
                NDArray z = Convolution.apply(in, p[0], null, new Shape(1, 1), new Shape(s.padding(), s.padding()), 1);
                y = Dropout.dropout(Activation.relu(z), 0.1f, true).singletonOrThrow();
                long t1 = System.nanoTime();
                times.add(l, 0, t1 - t0);
                NDArray flat = y.reshape(y.getShape().get(0), y.getShape().get(1), -1);
                NDArray pooled = Scalars.times(flat.mean(new int[] {2}), 0.94f).add(Scalars.times(flat.max(new int[] {2}), 0.06f))
                        .sub(Scalars.times(flat.min(new int[] {2}), 0.05f));
                NDArray temp = p[2].exp();
                temp.attach(step);
                NDArray a = p[1].div(temp.clip(0.1f, 100f));
                a.attach(step);
                a = a.softmax(1);
                NDArray g = pooled.matMul(a);
                NDArray loss = g.logSoftmax(1).mul(target).sum(new int[] {1}).mean().neg()
                        .add(Scalars.times(Scalars.over(a.mul(a.add(1e-10f).log()).sum().neg(), classes), 0.01f));
                loss.getFloat();
                long t2 = System.nanoTime();
                times.add(l, 1, t2 - t1);
                gc.backward(loss);
                times.add(l, 2, System.nanoTime() - t2);
            }
            long t3 = System.nanoTime();
            adamw(step, p, moments.get(l), 0.03f);
            long t4 = System.nanoTime();
            times.add(l, 3, t4 - t3);
            x = instanceNorm(y.stopGradient());
            times.add(l, 4, System.nanoTime() - t4);
        }
    }

    private void adamw(NDManager step, NDArray[] p, NDArray[] mv, float lr) {
        try (NDManager tmp = step.newSubManager()) {
            List<NDArray> grads = new ArrayList<>();
            NDArray sq = tmp.zeros(new Shape());
            for (NDArray w : p) {
                NDArray g = w.getGradient();
                g.attach(tmp);
                grads.add(g);
                sq = sq.add(g.mul(g).sum());
            }
            NDArray norm = sq.sqrt().add(1e-6f);
            NDArray coef = norm.onesLike().div(norm).clip(0f, 1f);
            float bc1 = (float) (1 - Math.pow(B1, steps));
            float bc2 = (float) Math.sqrt(1 - Math.pow(B2, steps));
            for (int i = 0; i < p.length; i++) {
                NDArray g = grads.get(i).muli(coef);
                NDArray m = mv[2 * i].muli(B1).addi(Scalars.times(g, 1 - B1));
                NDArray v = mv[2 * i + 1].muli(B2).addi(g.mul(g).muli(1 - B2));
                p[i].muli(1 - lr * 5e-4f);
                NDArray denom = v.sqrt();
                denom.attach(tmp);
                NDArray update = m.div(denom.divi(bc2).addi(1e-8f));
                update.attach(tmp);
                p[i].subi(update.muli(lr / bc1));
                JniUtils.zeroGrad((PtNDArray) p[i]);
            }
        }
    }

    private static NDArray layerNorm(NDArray x) {
        return normalise(x, 1);
    }

    private static NDArray instanceNorm(NDArray y) {
        return normalise(y, (int) y.getShape().get(1));
    }

    private static NDArray normalise(NDArray x, int groups) {
        NDArray g = x.reshape(x.getShape().get(0), groups, -1);
        NDArray c = g.sub(g.mean(new int[] {2}, true));
        return c.div(c.mul(c).mean(new int[] {2}, true).add(1e-5f).sqrt()).reshape(x.getShape());
    }

}
