package ffcnn.bench;

import ai.djl.engine.Engine;
import ffcnn.data.Batch;
import ffcnn.data.Batches;
import ffcnn.data.DataSplits;
import ffcnn.nn.Network;
import ffcnn.train.BatchStep;
import ffcnn.train.Optimizer;
import ffcnn.train.Pipeline;
import ffcnn.train.PipelineConfig;
import ffcnn.train.TrainConfig;
import ffcnn.train.Trainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the sequential step and the pipeline ({@code train.schedule: pipelined}) on the same batches of one network,
 * alternating the two in rounds so that both see the same machine state. The pipeline's stages are set (measured,
 * unless {@code train.pipeline.split} fixes them) during the warm-up.
 *
 * @param sequential images per second, one batch through every unit at a time with every engine thread
 * @param pipelined  images per second through the pipeline's stages at once
 * @param bounds     the first unit of every stage, then the unit count
 * @param stageThreads engine threads of each stage's operations
 */
public record PipelineBenchmark(double sequential, double pipelined, int[] bounds, int stageThreads) {

    /** The pipeline's images/s over the sequential step's. */
    public double speedUp() {
        return pipelined / sequential;
    }

    /**
     * Runs {@code batches} timed batches of each schedule after {@code warmup} untimed ones of each, in {@code rounds}
     * rounds; the pipeline runs with {@code pipeline}'s settings, {@code threads} being the run's engine threads.
     */
    public static PipelineBenchmark run(Network net, TrainConfig train, PipelineConfig pipeline, int threads,
            DataSplits data, int batchSize, int warmup, int batches, int rounds) {
        List<Optimizer> opts = Trainer.optimizers(net, train);
        Pipeline piped = new Pipeline(net, opts, pipeline, threads, train.bnRefresh());
        Engine.getInstance().setRandomSeed(1);
        List<Batch> pool = new ArrayList<>();
        int perRound = Math.max(1, batches / rounds);
        try (Batches source = Batches.shuffled(data.train(), data.normalization(), batchSize, 1)) {
            while (source.hasNext() && pool.size() < Math.max(perRound, warmup + 1)) {
                pool.add(source.next());
            }
        }
        sequential(net, opts, pool.subList(0, Math.min(warmup, pool.size())), train.bnRefresh());
        piped.run(pool.subList(0, Math.min(pool.size(), Math.max(2, warmup))).iterator(), 0, 0.03, l -> true,
                f -> BatchStep.trainReadOut(net, opts, f, 0, 0.03));
        long seqNanos = 0;
        long pipeNanos = 0;
        int seqImages = 0;
        int pipeImages = 0;
        for (int r = 0; r < rounds; r++) {
            List<Batch> round = new ArrayList<>();
            for (int i = 0; i < perRound; i++) {
                round.add(pool.get(i % pool.size()));
            }
            long t0 = System.nanoTime();
            seqImages += sequential(net, opts, round, train.bnRefresh());
            long t1 = System.nanoTime();
            int[] images = {0};
            piped.run(round.iterator(), 0, 0.03, l -> true, f -> {
                BatchStep.trainReadOut(net, opts, f, 0, 0.03);
                images[0] += f.batch().size();
            });
            pipeImages += images[0];
            seqNanos += t1 - t0;
            pipeNanos += System.nanoTime() - t1;
        }
        return new PipelineBenchmark(seqImages / (seqNanos / 1e9), pipeImages / (pipeNanos / 1e9),
                piped.bounds(), piped.stageThreads());
    }

    private static int sequential(Network net, List<Optimizer> opts, List<Batch> batches, boolean refresh) {
        int images = 0;
        for (Batch b : batches) {
            BatchStep.run(net, opts, net.manager(), b, 0, 0, 0.03, l -> true, false, refresh, BatchStep.Clocks.NONE);
            images += b.size();
        }
        return images;
    }
}
