package ffcnn.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine.IVersionProvider;

/** {@code ffcnn --version}: ffcnn's version and the engine it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = FfcnnCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "ffcnn " + (version == null ? "dev" : version),
            "DJL " + Engine.getDjlVersion() + ", Java " + System.getProperty("java.version")
                    + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
