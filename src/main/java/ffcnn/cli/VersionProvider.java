package ffcnn.cli;

import ai.djl.engine.Engine;
import ffcnn.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code ffcnn --version}: ffcnn's version and the engine it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "ffcnn " + Version.describe(),
            "DJL " + Engine.getDjlVersion() + ", Java " + System.getProperty("java.version")
                    + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
