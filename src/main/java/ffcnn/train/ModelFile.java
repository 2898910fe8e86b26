package ffcnn.train;

import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import ffcnn.UserInputException;
import ffcnn.io.AtomicFiles;
import ffcnn.nn.Network;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The on-disk form of a trained model or a checkpoint: a magic line, a JSON header (the resolved config,
 * the {@link ModelState}, the input's shape and normalisation, and for checkpoints the metrics history),
 * then every layer's parameters, then the state of the read-out strategy when the model has one (its trained
 * parameters, written by the read-out itself), then, for checkpoints, every optimiser's state (each layer's, then the
 * read-out's). Always written atomically.
 */
public final class ModelFile {

    private static final byte[] MAGIC = "FFCNN-MODEL-1\n".getBytes(StandardCharsets.US_ASCII);
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * The header.
     *
     * @param config        the resolved run config as a tree
     * @param state         epoch, the fitted prediction strategies' states, default strategy, class names
     * @param input         input shape {channels, height, width}
     * @param mean          per-channel normalisation mean
     * @param std           per-channel normalisation std
     * @param history       finished epochs (checkpoints only; empty in models)
     * @param hasOptimizers whether optimiser states follow the parameters
     * @param provenance    what produced the file (versions, machine, data sizes, seed)
     */
    public record Header(JsonNode config, ModelState state, int[] input, float[] mean, float[] std,
            List<EpochMetrics> history, boolean hasOptimizers, java.util.Map<String, Object> provenance) {
    }

    private ModelFile() {
    }

    /** Writes {@code net} (and, when {@code optimizers} is not null, their states) to {@code file}. */
    public static void write(Path file, Header header, Network net, List<Optimizer> optimizers) {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.write(MAGIC);
            byte[] json = JSON.writeValueAsBytes(header);
            out.writeInt(json.length);
            out.write(json);
            net.saveParameters(out);
            if (optimizers != null) {
                for (Optimizer o : optimizers) {
                    o.save(out);
                }
            }
            out.flush();
        });
    }

    /** Reads the header of {@code file}; the stream is left at the parameters. */
    public static Header readHeader(Path file, DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new UserInputException(file + ": not an ffcnn model or checkpoint (bad magic)");
        }
        try {
            int length = in.readInt();
            if (length <= 0 || length > (64 << 20)) {
                throw new UserInputException(file + ": corrupt model header (length " + length + ")");
            }
            byte[] json = new byte[length];
            in.readFully(json);
            return JSON.readValue(json, Header.class);
        } catch (EOFException e) {
            throw new UserInputException(file + ": truncated model file");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new UserInputException(file + ": corrupt model header: " + e.getOriginalMessage());
        }
    }

    /** Opens {@code file} for {@link #readHeader}; user errors name the file. */
    public static DataInputStream open(Path file) {
        try {
            return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such model or checkpoint file");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads parameters (and optimiser states when given) into an identically built network. */
    public static void readBody(Path file, DataInputStream in, Network net, List<Optimizer> optimizers) {
        try {
            net.loadParameters(in);
            if (optimizers != null) {
                for (Optimizer o : optimizers) {
                    o.load(in);
                }
            }
        } catch (EOFException e) {
            throw new UserInputException(file + ": truncated model file");
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new UserInputException(file + ": corrupt or incompatible model file: " + e.getMessage());
        }
    }
}
