package ffcnn.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ffcnn.encoding.Targets;
import ffcnn.nn.LocalLoss;
import ffcnn.nn.LayerContext;
import ffcnn.nn.ObjectiveHead;
import ffcnn.nn.ReadOut;

/**
 * The backpropagation baseline: the same network trained end to end by one loss.
 *
 * <pre>
 * logits = W · mean_{h,w} y_L + b      (global average pool, then a linear classifier, W [K, C])
 * L      = CE_eps(logits, y)           back-propagated through every layer
 * </pre>
 *
 * Only the last layer's classifier trains the network ({@link #endToEnd()}). Every other layer gets a
 * linear probe of the same form, the network's read-out ({@code predict.readout: linear-probes}, {@link ReadOut}),
 * trained with the same loss on its detached activations after the step: it reports how separable that layer is,
 * and no gradient from it reaches the network.
 *
 * @param labelSmoothing eps of the cross-entropy
 */
public record BackpropObjective(double labelSmoothing) implements Objective, ReadOut.Rule {

    public BackpropObjective {
        GroupGoodnessHead.checkSmoothing(labelSmoothing);
    }

    /** The classifier on the last layer; every other layer's probe is the read-out's. */
    @Override
    public ObjectiveHead head(LayerContext context) {
        return context.last() ? new Head(this, context.channels(), context.classes())
                : ObjectiveHead.none(context.classes());
    }

    @Override
    public ReadOut.Rule readOutRule() {
        return this;
    }

    @Override
    public String kind() {
        return "linear-probes";
    }

    @Override
    public NDArray loss(NDArray logits, NDArray labels) {
        return CrossEntropy.of(logits, labels, (float) labelSmoothing);
    }

    @Override
    public NDArray scores(NDArray logits) {
        return logits;
    }

    @Override
    public boolean endToEnd() {
        return true;
    }

    /** The linear classifier on a layer's pooled activations; PyTorch's nn.Linear initialisation. */
    static final class Head extends ObjectiveHead {
        private final BackpropObjective rule;
        private final Parameter weight;
        private final Parameter bias;

        Head(BackpropObjective rule, int channels, int classes) {
            super((byte) 1);
            this.rule = rule;
            float bound = (float) (1 / Math.sqrt(channels));
            Initializer uniform = (m, shape, type) -> m.randomUniform(-bound, bound, shape, type);
            this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(classes, channels)).optInitializer(uniform).build());
            this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                    .optShape(new Shape(classes)).optInitializer(uniform).build());
        }

        @Override
        public LocalLoss loss(NDArray y, Targets targets, int epoch) {
            NDArray labels = targets.classes();
            NDArray logits = scores(y, epoch);
            NDArray ce = rule.loss(logits, labels);
            return LocalLoss.classified(ce, ce, logits, labels);
        }

        @Override
        public NDArray scores(NDArray y, int epoch) {
            NDArray pooled = y.reshape(y.getShape().get(0), y.getShape().get(1), -1).mean(new int[] {2});
            return pooled.matMul(weight.getArray().transpose()).add(bias.getArray());
        }
    }
}
