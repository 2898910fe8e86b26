package ffcnn.report;

import ffcnn.train.EpochMetrics;
import ffcnn.train.LayerMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fake training histories for the report tests. */
final class Histories {

    private Histories() {
    }

    /** {@code epochs} epochs of {@code layers} layers with temperature, entropy and orthogonality extras. */
    static List<EpochMetrics> of(int epochs, int layers) {
        List<EpochMetrics> history = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            List<LayerMetrics> ls = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                Map<String, Double> extras = new LinkedHashMap<>();
                extras.put("temperature", 1.0 + 0.1 * e + l);
                extras.put("entropy", 2.0 - 0.2 * e);
                extras.put("orthogonality", l == 0 && e == 0 ? Double.NaN : 0.01 * (e + l));
                double test = l == layers - 1 && e == 0 ? Double.NaN : 0.5 + 0.1 * e + 0.01 * l;
                ls.add(new LayerMetrics(l, 1.5 - 0.3 * e, 1.2 - 0.2 * e, 0.6 + 0.1 * e, 0.55 + 0.1 * e, test,
                        extras));
            }
            Map<String, Double> valid = new LinkedHashMap<>();
            valid.put("softmax", 0.7 + 0.05 * e);
            valid.put("goodness-sum", 0.65 + 0.05 * e);
            Map<String, Double> test = new LinkedHashMap<>();
            test.put("softmax", 0.69 + 0.05 * e);
            test.put("goodness-sum", 0.64 + 0.05 * e);
            history.add(new EpochMetrics(e, 1e-3 / (e + 1), 12.5 + e, 1.5, 4800.0 + e, valid, test, ls));
        }
        return List.copyOf(history);
    }
}
