package ffcnn.predict;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ffcnn.data.Batch;
import ffcnn.data.Batches;
import ffcnn.data.ImageSource;
import ffcnn.data.Normalization;
import ffcnn.nn.LocalLayer;
import ffcnn.nn.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a prediction strategy costs besides accuracy (the trade-off of ASGE's strategies, specs/asge.md 9.2):
 * the parameters it reads beyond the layers' convolutions, trained or fixed, and the memory of predicting one
 * batch.
 *
 * @param strategy          the strategy's name
 * @param accuracy          its accuracy on the evaluated split
 * @param topFive           its top-5 accuracy there, or NaN with 10 classes or fewer
 * @param trainedParameters scalars it reads that training learned besides the layers' bodies (heads, read-out)
 * @param fixedParameters   scalars it reads that stay as drawn (ASGE's random projections R_l, beta_l)
 * @param parameterBytes    bytes of every parameter it reads: the bodies of the layers it runs, its heads, its
 *                          read-out
 * @param activationBytes   the most bytes the arrays of one prediction pass over a batch of {@code batch} images
 *                          held at once (measured)
 * @param batch             images of the measured batch
 */
public record Footprint(String strategy, double accuracy, double topFive, long trainedParameters,
        long fixedParameters, long parameterBytes, long activationBytes, int batch) {

    /** Parameter bytes plus activation bytes: the memory prediction needs. */
    public long inferenceBytes() {
        return parameterBytes + activationBytes;
    }

    /** The figures as a JSON-friendly map (summary.json). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", strategy);
        m.put("accuracy", accuracy);
        if (!Double.isNaN(topFive)) {
            m.put("top5_accuracy", topFive);
        }
        m.put("trained_parameters", trainedParameters);
        m.put("fixed_parameters", fixedParameters);
        m.put("parameter_bytes", parameterBytes);
        m.put("activation_bytes", activationBytes);
        m.put("inference_bytes", inferenceBytes());
        m.put("batch", batch);
        return m;
    }

    /**
     * The footprint of every strategy in {@code strategies} with its accuracy {@code acc} and top-5 accuracy
     * {@code top} (by name; none with 10 classes or fewer), the memory measured on the first batch of
     * {@code batchSize} images of {@code set}.
     */
    public static List<Footprint> of(Network net, List<PredictionStrategy> strategies, Map<String, Double> acc,
            Map<String, Double> top, ImageSource set, Normalization norm, int batchSize, int epoch) {
        Batch first;
        try (Batches batches = Batches.ordered(set.head(Math.min(set.size(), batchSize)), norm, batchSize)) {
            first = batches.hasNext() ? batches.next() : null;
        }
        List<Footprint> out = new java.util.ArrayList<>();
        for (PredictionStrategy s : strategies) {
            long[] params = parameters(net, s);
            long bytes = 0;
            if (first != null) {
                try (NDManager m = net.manager().newSubManager()) {
                    bytes = net.predictionBytes(Evaluator.images(m, first), s::usesHead, s.usesReadOut(), epoch);
                }
            }
            out.add(new Footprint(s.name(), acc.getOrDefault(s.name(), Double.NaN),
                    top.getOrDefault(s.name(), Double.NaN), params[0], params[1], params[2], bytes,
                    first == null ? 0 : first.size()));
        }
        return out;
    }

    /** {trained extra, fixed extra, bytes of everything read} of strategy {@code s} on {@code net}. */
    static long[] parameters(Network net, PredictionStrategy s) {
        List<LocalLayer> layers = net.layers();
        int last = s.usesReadOut() ? layers.size() - 1 : -1;
        for (int l = 0; l < layers.size(); l++) {
            last = s.usesHead(l) ? Math.max(last, l) : last;
        }
        long trained = 0;
        long fixed = 0;
        long bytes = 0;
        for (int l = 0; l <= last; l++) {
            LocalLayer layer = layers.get(l);
            for (var p : layer.getParameters()) {
                Parameter param = p.getValue();
                long n = param.getArray().size();
                boolean inHead = layer.inHead(param);
                if (inHead && !s.usesHead(l)) {
                    continue;
                }
                bytes += n * param.getArray().getDataType().getNumOfBytes();
                if (inHead) {
                    if (param.requiresGradient()) {
                        trained += n;
                    } else {
                        fixed += n;
                    }
                }
            }
        }
        ffcnn.nn.ReadOut read = net.readout();
        if (read != null && read.perLayer()) { // the predictors of the layers whose scores it reads
            for (int l = 0; l <= last; l++) {
                long n = read.reads(l) && s.usesHead(l) ? read.parameterCount(l) : 0;
                trained += n;
                bytes += n * 4;
            }
        } else if (s.usesReadOut() && read != null) {
            trained += read.parameterCount();
            bytes += read.parameterCount() * 4;
        }
        return new long[] {trained, fixed, bytes};
    }
}
