package ffcnn.sweep;

import java.util.List;

/**
 * Mean and spread of a figure over seeds. {@code std} is the sample standard deviation (divisor n - 1),
 * NaN for fewer than two values; every field is NaN for none.
 */
public record Spread(int n, double mean, double std, double min, double max) {

    public static Spread of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double std = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
        return new Spread(n, mean, std, values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }
}
