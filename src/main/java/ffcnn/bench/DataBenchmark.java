package ffcnn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ffcnn.data.Batch;
import ffcnn.data.Batches;
import ffcnn.data.DataSplits;
import ffcnn.nn.Network;
import ffcnn.train.Optimizer;
import ffcnn.train.BatchStep;
import ffcnn.train.TrainConfig;
import ffcnn.train.Trainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the disk or the model limits training: images/s the data pipeline delivers (decoding, scaling and
 * batching, with its background threads for streamed folders) and images/s of the training step on batches
 * already in memory, timed one after the other in the same process.
 *
 * @param pipelineImages images/s of the data pipeline alone
 * @param stepImages     images/s of the training step alone
 * @param pipelineBatches batches timed for the pipeline
 * @param stepBatches    batches timed for the step
 */
public record DataBenchmark(double pipelineImages, double stepImages, int pipelineBatches, int stepBatches) {

    /** What limits a training run: {@code data} when the pipeline is slower than the step, else {@code model}. */
    public String bottleneck() {
        return pipelineImages < stepImages ? "data" : "model";
    }

    /**
     * Reads {@code pipelineBatches} training batches (shuffled, as an epoch reads them) and then trains {@code net}
     * on {@code stepBatches} batches held in memory, after one untimed batch.
     */
    public static DataBenchmark run(Network net, TrainConfig train, DataSplits data, int batchSize,
            int pipelineBatches, int stepBatches) {
        long t0 = System.nanoTime();
        int read = 0;
        int batches = 0;
        List<Batch> pool = new ArrayList<>();
        try (Batches source = Batches.shuffled(data.train(), data.normalization(), batchSize, train.seed())) {
            while (source.hasNext() && batches < pipelineBatches) {
                Batch b = source.next();
                read += b.size();
                batches++;
                if (pool.size() < Math.min(stepBatches, 8)) {
                    pool.add(b);
                }
            }
        }
        double pipeline = read / ((System.nanoTime() - t0) / 1e9);
        if (pool.isEmpty()) {
            throw new IllegalArgumentException(data.train().name() + " has no training images");
        }
        List<Optimizer> opts = Trainer.optimizers(net, train);
        Engine.getInstance().setRandomSeed((int) train.seed());
        int trained = 0;
        long nanos;
        try (NDManager m = net.manager().newSubManager()) {
            step(net, opts, m, pool.get(0), train.bnRefresh());
            long t1 = System.nanoTime();
            for (int i = 0; i < stepBatches; i++) {
                trained += step(net, opts, m, pool.get(i % pool.size()), train.bnRefresh());
            }
            nanos = System.nanoTime() - t1;
        }
        return new DataBenchmark(pipeline, trained / (nanos / 1e9), batches, stepBatches);
    }

    private static int step(Network net, List<Optimizer> opts, NDManager m, Batch b, boolean refresh) {
        BatchStep.run(net, opts, m, b, 0, 0, 1e-3, l -> true, false, refresh, unit -> phase -> { });
        return b.size();
    }
}
