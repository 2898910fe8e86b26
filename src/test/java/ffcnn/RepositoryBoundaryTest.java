package ffcnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No test reads a path outside the repository: a fresh clone with nothing beside it must pass the test
 * command. Real datasets are found as users' runs find them ({@code ffcnn.testing.RealData}).
 */
class RepositoryBoundaryTest {

    /**
     * String literals that lead out of the repository: a parent folder, the workplace's folders, or a dataset
     * folder of a machine (the bare search roots may appear as expected values of the locator's tests).
     */
    private static final Pattern OUTSIDE = Pattern.compile(
            "\"(\\.\\./[^\"]*|[^\"]*/\\.\\./[^\"]*|/work(/[^\"]*)?|[^\"]*shared/datasets[^\"]*"
            + "|/usr/share/datasets/[^\"]+)\"");

    @Test
    void noTestSourceNamesAPathOutsideTheRepository() throws IOException {
        Path self = Path.of("src/test/java/ffcnn/RepositoryBoundaryTest.java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(self)).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = OUTSIDE.matcher(lines.get(i));
                    while (m.find()) {
                        found.add(f + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("test sources naming a path outside the repository").isEmpty();
    }

    @Test
    void thePatternCatchesWhatItMustCatch() {
        for (String bad : List.of("\"../shared/datasets\"", "\"src/../../x\"", "\"/work/shared\"",
                "\"/usr/share/datasets/fashion-mnist\"")) {
            assertThat(OUTSIDE.matcher(bad).find()).as(bad).isTrue();
        }
        for (String fine : List.of("\"model.ffcnn\"", "\"runs/x\"", "\"/xdg\"", "\"a/b\"")) {
            assertThat(OUTSIDE.matcher(fine).find()).as(fine).isFalse();
        }
    }
}
