package ffcnn.method;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ffcnn.UserInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison's plan fails before anything runs; the runs themselves are in CompareCommandTest. */
class ComparisonTest {

    private static final List<String> OVERRIDES = List.of("train.epochs=1");

    @Test
    void rejectsRepeatedUnknownAndMisconfiguredMethods(@TempDir Path dir) {
        assertThatThrownBy(() -> Comparison.plan(List.of("caw-conv", "caw-conv"), "mnist", "quick", OVERRIDES, dir))
                .isInstanceOf(UserInputException.class).hasMessageContaining("'caw-conv' is listed twice");
        assertThatThrownBy(() -> Comparison.plan(List.of("caw-conv", "nope"), "mnist", "quick", OVERRIDES, dir))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unknown method 'nope'");
        assertThatThrownBy(() -> Comparison.plan(List.of("caw-conv"), "mnist", "quick", List.of("x.y=1"), dir))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unknown preset key 'x.y'");
    }

    @Test
    void emptyMethodListIsAUserError(@TempDir Path dir) {
        assertThatThrownBy(() -> Comparison.plan(List.of(), "mnist", "quick", OVERRIDES, dir))
                .isInstanceOf(UserInputException.class);
    }
}
