package ffcnn.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ffcnn.data.DataRequest;
import ffcnn.data.DataSplits;
import ffcnn.data.FolderDatasets;
import ffcnn.data.FolderSource;
import ffcnn.data.ImageTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training and evaluation on a folder decoded batch by batch, as a dataset too large for memory is. */
class StreamedTrainingTest {

    @Test
    void trainsAndEvaluatesOnAStreamedFolder(@TempDir Path dir) {
        List<String> classes = IntStream.range(0, 10).mapToObj(k -> "c" + k).toList();
        ImageTrees.tree(dir, List.of("train", "test"), classes, 4, 8, false);
        DataSplits data = FolderDatasets.load(DataRequest.of("folder:" + dir).withImageSize(8), 0);
        assertThat(data.train()).isInstanceOf(FolderSource.class);
        try (NDManager m = NDManager.newBaseManager()) {
            var net = TrainerTest.network(m);
            List<float[]> initial = new ArrayList<>();
            net.layers().forEach(l -> l.learnable().forEach(p -> initial.add(p.getArray().toFloatArray())));
            TrainConfig c = new TrainConfig(1, 8, 0.03, 0.003, 5e-4, 1.0, 1);
            List<EpochMetrics> seen = new ArrayList<>();
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onEpochEnd(EpochMetrics metrics, List<EpochMetrics> history) {
                    seen.add(metrics);
                }
            };
            new Trainer(net, c, Trainer.optimizers(net, c), RunState.fresh("loss-aware", data.classNames()),
                    List.of(listener), null).fit(data, "caw-conv");
            assertThat(seen).hasSize(1);
            List<float[]> trained = new ArrayList<>();
            net.layers().forEach(l -> l.learnable().forEach(p -> trained.add(p.getArray().toFloatArray())));
            assertThat(trained).as("the layers learnt from the streamed batches").isNotEqualTo(initial);
            // the epoch's test figure is the streamed test split's, every image of it scored once
            double lastLayer = ffcnn.predict.Evaluator.scores(net, data.test(), data.normalization(), 8, 0)
                    .layerAccuracy(net.layers().size() - 1);
            assertThat(data.test().size()).isEqualTo(40);
            assertThat(seen.get(0).testAccuracy().get("last-layer")).isEqualTo(lastLayer);
        }
    }
}
