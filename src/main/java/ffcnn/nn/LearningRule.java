package ffcnn.nn;

/**
 * What building a network needs of a learning rule: the head of each layer and whether the layers learn as
 * one end-to-end unit. The rules themselves live in {@code ffcnn.objective}; this interface keeps the
 * dependency one way (objective -> nn).
 */
public interface LearningRule {

    /** The head of the layer described by {@code context}. */
    ObjectiveHead head(LayerContext context);

    /**
     * Whether the layers' bodies learn. A rule whose blocks stay as initialised (CaFo's fixed random blocks)
     * returns false: only its heads are then trained, and the bodies take no gradient at all.
     */
    default boolean trainsBody() {
        return true;
    }

    /**
     * How the per-layer predictors of the layers whose head does not predict ({@link ObjectiveHead#none}) learn:
     * they are the network's read-out of that rule's kind. Null for a rule whose every head predicts.
     */
    default ReadOut.Rule readOutRule() {
        return null;
    }

    /**
     * Whether the last layer's loss trains every layer through the whole network (the backprop baseline).
     * Every forward-only rule leaves this false: each layer then learns from its own loss alone.
     */
    default boolean endToEnd() {
        return false;
    }
}
