package ffcnn.method;

import ai.djl.engine.Engine;
import ffcnn.data.DataSplits;
import ffcnn.nn.Devices;
import ffcnn.report.JsonFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** provenance.json: what produced a run (versions, machine, data sizes, seed), written at its start. */
final class Provenance {

    private Provenance() {
    }

    static Map<String, Object> of(RunConfig config, DataSplits data) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ffcnn_version", ffcnn.Version.version());
        p.put("ffcnn_commit", ffcnn.Version.commit());
        p.put("created", Instant.now().toString());
        p.put("method", config.method());
        p.put("dataset", data.dataset());
        p.put("train_images", data.train().size());
        p.put("valid_images", data.valid().size());
        p.put("test_images", data.test().size());
        p.put("data_checksums", "official md5 of every file verified on load");
        p.put("seed", config.train().seed());
        p.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        p.put("djl_version", Engine.getDjlVersion());
        p.put("java", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        p.put("arch", System.getProperty("os.arch"));
        p.put("cpus", Runtime.getRuntime().availableProcessors());
        p.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        p.put("device", Devices.describe());
        return p;
    }

    static void write(Path out, RunConfig config, DataSplits data) {
        JsonFiles.write(out.resolve("provenance.json"), of(config, data));
    }
}
