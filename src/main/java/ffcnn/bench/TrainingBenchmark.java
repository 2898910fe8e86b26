package ffcnn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ffcnn.data.Batch;
import ffcnn.data.Batches;
import ffcnn.data.DataSplits;
import ffcnn.nn.Architectures;
import ffcnn.nn.LayerSpec;
import ffcnn.nn.Network;
import ffcnn.predict.Evaluator;
import ffcnn.train.Optimizer;
import ffcnn.train.BatchStep;
import ffcnn.train.TrainConfig;
import ffcnn.train.Trainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Times ffcnn's training step (the trainer's own {@link BatchStep}) phase by phase, and the same
 * computation with bare engine calls ({@link BareEngineStep}), alternating the two in rounds so both see
 * the same machine state.
 *
 * @param images   training images per second through ffcnn
 * @param bareImages training images per second through bare engine calls
 * @param ffcnn    ffcnn's per-layer, per-phase times
 * @param bare     the bare version's per-layer, per-phase times
 */
public record TrainingBenchmark(double images, double bareImages, PhaseTimes ffcnn, PhaseTimes bare) {

    /** ffcnn's time over the bare engine's for the same batches (1.0 = no overhead). */
    public double overhead() {
        return bareImages / images;
    }

    /** ffcnn's images/s over the reference step's (above 1: ffcnn's step is faster). */
    public double speedUp() {
        return images / bareImages;
    }

    /**
     * Whether the reference step ({@link BareEngineStep}: CAW-Conv's TinyCNN at width 1) can be timed beside
     * {@code method}'s network {@code net}.
     */
    public static boolean hasReference(String method, Network net) {
        return method.equals("caw-conv") && isTinyCnn(net.specs());
    }

    private static boolean isTinyCnn(List<LayerSpec> specs) {
        return specs.equals(Architectures.tinyCnn(specs.get(0).inChannels(), 1.0));
    }

    /**
     * Runs {@code batches} timed batches of each kind after {@code warmup} untimed ones, in {@code rounds}
     * alternating rounds.
     */
    public static TrainingBenchmark run(Network net, TrainConfig train, DataSplits data, int batchSize, int warmup,
            int batches, int rounds) {
        return run(net, train, data, batchSize, warmup, batches, rounds, true, () -> { });
    }

    /**
     * As {@link #run(Network, TrainConfig, DataSplits, int, int, int, int)}; without {@code reference} only
     * ffcnn's step is timed (the reference's figures are then 0), and {@code warmedUp} runs between the
     * warm-up and the timed batches (a process that must start timing together with others waits there).
     */
    public static TrainingBenchmark run(Network net, TrainConfig train, DataSplits data, int batchSize, int warmup,
            int batches, int rounds, boolean reference, Runnable warmedUp) {
        List<Optimizer> opts = Trainer.optimizers(net, train);
        List<LayerSpec> specs = net.specs();
        if (reference && !isTinyCnn(specs)) {
            throw new IllegalArgumentException("the bare reference step is written for the TinyCNN");
        }
        PhaseTimes ffcnnTimes = new PhaseTimes(specs.size());
        PhaseTimes bareTimes = new PhaseTimes(specs.size());
        long ffcnnNanos = 0;
        long bareNanos = 0;
        int images = 0;
        int bareImages = 0;
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = net.manager().newSubManager();
                Batches source = Batches.shuffled(data.train(), data.normalization(), batchSize, 1)) {
            BareEngineStep bare = reference ? new BareEngineStep(m, specs, net.classes()) : null;
            List<Batch> pool = new ArrayList<>();
            while (source.hasNext() && pool.size() < Math.max(4, batches / rounds)) {
                pool.add(source.next());
            }
            for (int i = 0; i < warmup; i++) {
                ffcnnBatch(net, opts, m, pool.get(i % pool.size()), train.bnRefresh(), new PhaseTimes(specs.size()));
                if (reference) {
                    bareBatch(bare, m, pool.get(i % pool.size()), new PhaseTimes(specs.size()));
                }
            }
            warmedUp.run();
            int perRound = Math.max(1, batches / rounds);
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    images += ffcnnBatch(net, opts, m, pool.get(i % pool.size()), train.bnRefresh(), ffcnnTimes);
                }
                long t1 = System.nanoTime();
                for (int i = 0; reference && i < perRound; i++) {
                    bareImages += bareBatch(bare, m, pool.get(i % pool.size()), bareTimes);
                }
                ffcnnNanos += t1 - t0;
                bareNanos += System.nanoTime() - t1;
            }
        }
        return new TrainingBenchmark(images / (ffcnnNanos / 1e9), reference ? bareImages / (bareNanos / 1e9) : 0, ffcnnTimes,
                bareTimes);
    }

    private static int ffcnnBatch(Network net, List<Optimizer> opts, NDManager m, Batch b, boolean refresh,
            PhaseTimes times) {
        BatchStep.run(net, opts, m, b, 0, 0, 0.03, l -> true, false, refresh, unit -> {
            long[] last = {System.nanoTime()};
            return phase -> {
                long now = System.nanoTime();
                times.add(unit, phase, now - last[0]);
                last[0] = now;
            };
        });
        return b.size();
    }

    private static int bareBatch(BareEngineStep bare, NDManager m, Batch b, PhaseTimes times) {
        try (NDManager step = m.newSubManager()) {
            bare.step(step, Evaluator.images(step, b), step.create(b.labels()), times);
        }
        return b.size();
    }
}
