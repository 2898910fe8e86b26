package ffcnn.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A figure a paper published and how ffcnn reproduces it.
 *
 * @param id           the row's name, {@code <method>.<dataset>[-<variant>]}
 * @param method       ffcnn method
 * @param dataset      dataset id
 * @param preset       the preset that reproduces it, or null when it is not built yet
 * @param metric       {@code top-1} (default) or {@code top-5}
 * @param published    the published test accuracy, in %
 * @param spread       the published standard deviation, or null where none is printed
 * @param architecture the network the paper names
 * @param source       where the figure is from
 */
public record PublishedRow(String id, String method, String dataset, String preset, String metric, double published,
        Double spread, String architecture, String source) {

    public PublishedRow(@JsonProperty("id") String id, @JsonProperty("method") String method,
            @JsonProperty("dataset") String dataset, @JsonProperty("preset") String preset,
            @JsonProperty("metric") String metric, @JsonProperty("published") double published,
            @JsonProperty("spread") Double spread, @JsonProperty("architecture") String architecture,
            @JsonProperty("source") String source) {
        this.id = id;
        this.method = method;
        this.dataset = dataset;
        this.preset = preset;
        this.metric = metric == null ? "top-1" : metric;
        this.published = published;
        this.spread = spread;
        this.architecture = architecture;
        this.source = source;
    }

    /** Whether a preset reproduces this row. */
    public boolean built() {
        return preset != null;
    }
}
