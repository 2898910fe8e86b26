package ffcnn.reproduce;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ffcnn.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published rows bundled as {@value #RESOURCE}. */
public final class PublishedRows {

    static final String RESOURCE = "reproduce/published.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PublishedRows() {
    }

    /** Every row, in the file's order. */
    public static List<PublishedRow> all() {
        try (InputStream in = PublishedRows.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return List.copyOf(YAML.readValue(in, new TypeReference<List<PublishedRow>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The row called {@code id}, or a user error. */
    public static PublishedRow get(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() ->
                new UserInputException("unknown row '" + id + "' (see `ffcnn reproduce --list`)"));
    }
}
