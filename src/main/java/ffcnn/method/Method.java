package ffcnn.method;

import com.fasterxml.jackson.databind.JsonNode;
import ffcnn.objective.Objective;

/**
 * A registered training method: its name, its objective record type and a one-line description.
 *
 * @param name          the name used on the command line and in presets
 * @param description   one line for {@code ffcnn methods}
 * @param objectiveType the record bound from the preset's {@code objective:} section
 */
public record Method(String name, String description, Class<? extends Objective> objectiveType) {

    /** Binds the {@code objective:} section to this method's objective record. */
    public Objective objective(JsonNode section) {
        return PresetLoader.bind(section, objectiveType, "objective");
    }
}
