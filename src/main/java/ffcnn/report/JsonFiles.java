package ffcnn.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import ffcnn.UserInputException;
import ffcnn.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one Jackson configuration for ffcnn's JSON files (summaries, provenance, metrics).
 *
 * <ul>
 *   <li>Record and bean properties are written in {@code snake_case} ({@code learningRate} becomes
 *       {@code learning_rate}); map keys are written as they are.</li>
 *   <li>{@link #mapper()} indents (for files people read); {@link #lineMapper()} writes one line per value
 *       (for JSONL).</li>
 *   <li>NaN and infinities are written as the JSON strings {@code "NaN"}, {@code "Infinity"},
 *       {@code "-Infinity"}: plain JSON has no such numbers, and {@code null} would be confused with a
 *       missing value. Jackson reads these strings back into {@code double}/{@code Double}, so values
 *       round-trip exactly; Python's {@code float("NaN")} reads them too.</li>
 * </ul>
 * Both mappers are configured once and are thread-safe; do not reconfigure them.
 */
public final class JsonFiles {

    private static final JsonMapper PRETTY = base().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper LINE = base().disable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonFiles() {
    }

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** The indenting mapper, for JSON files. */
    public static ObjectMapper mapper() {
        return PRETTY;
    }

    /** The single-line mapper, for JSONL lines. */
    public static ObjectMapper lineMapper() {
        return LINE;
    }

    /** Writes {@code value} as indented JSON plus a final newline to {@code file}, atomically. */
    public static void write(Path file, Object value) {
        byte[] json;
        try {
            json = PRETTY.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
        AtomicFiles.write(file, out -> {
            out.write(json);
            out.write('\n');
        });
    }

    /**
     * Reads {@code file} into a {@code type}.
     *
     * @throws UserInputException   when the file is missing or is not valid JSON for {@code type}
     * @throws UncheckedIOException on other read errors
     */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return PRETTY.readValue(file.toFile(), type);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new UserInputException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new UserInputException(file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code value} as one JSON line without the newline. */
    static String line(Object value) {
        try {
            return new String(LINE.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
