package ffcnn;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** ffcnn's version and the git commit it was built from, as the build recorded them. */
public final class Version {

    private static final Properties BUILD = load();

    private Version() {
    }

    /** E.g. {@code 0.1.0}. */
    public static String version() {
        return BUILD.getProperty("version", "unknown");
    }

    /** The short commit hash ({@code -dirty} when built with uncommitted changes), or {@code unknown}. */
    public static String commit() {
        String c = BUILD.getProperty("commit", "");
        return c.isBlank() || c.startsWith("${") ? "unknown" : c;
    }

    /** {@code 0.1.0 (commit 3981295)}. */
    public static String describe() {
        return version() + " (commit " + commit() + ")";
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/ffcnn/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar without the file still runs; the version then reads "unknown"
        }
        return p;
    }
}
