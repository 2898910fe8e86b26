package ffcnn.method;

import com.fasterxml.jackson.databind.JsonNode;
import ffcnn.encoding.EncodingConfig;
import ffcnn.nn.ModelConfig;
import ffcnn.train.TrainConfig;

/**
 * A fully resolved preset: everything a run needs, and exactly what is saved with it.
 *
 * @param method    method name (see {@link Methods})
 * @param data      data section
 * @param model     model section
 * @param train     training section
 * @param objective the method's objective section, bound by {@link Method#objective}
 * @param predict   prediction section
 * @param encoding  how labels enter the input (a preset without this section gets
 *                  {@link EncodingConfig#IDENTITY})
 */
public record RunConfig(String method, DataConfig data, ModelConfig model, TrainConfig train, JsonNode objective,
        PredictConfig predict, EncodingConfig encoding) {

    /** This config with {@code epochs} epochs in all (the cosine schedule's period follows). */
    public RunConfig withEpochs(int epochs) {
        return new RunConfig(method, data, model, train.withEpochs(epochs), objective, predict, encoding);
    }
}
