package ffcnn.train;

import ai.djl.pytorch.jni.JniUtils;
import ffcnn.data.Batch;
import ffcnn.nn.Network;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * {@code train.schedule: pipelined}: the network's learning units cut into contiguous stages, each stage a thread of
 * its own that takes batches from the queue in front of it, trains its units on them ({@link BatchStep#runUnits})
 * and hands them, detached, to the next stage's queue. Forward-only training makes this exact: a unit's input for
 * batch t is its predecessor's output on batch t computed before the predecessor's update on t, in the pipeline as
 * in the sequential step, and no stage ever waits for a gradient. Every objective keeps all its loss terms (a stage
 * runs the same {@link LocalStep} as the sequential step).
 *
 * <p>Stages run at once, each with the engine's threads ({@link PipelineConfig#threads}). The engine draws its
 * random numbers (dropout masks, negative labels) from one generator, so stages at once draw them in an order of
 * their own: a run with dropout or random negatives differs from the sequential one in those draws (and is not
 * repeatable draw for draw); without any it gives the sequential run's parameters bit for bit at the same threads
 * per operation. In lock-step ({@link PipelineConfig#lockstep}) the stage threads take turns in the sequential order,
 * which gives the sequential parameters bit for bit whatever the layers draw: a check of the hand-over, not a
 * speed-up. The stages are balanced on the unit times measured on the epoch's first batch, which goes through every
 * unit on the calling thread, unless {@link PipelineConfig#split} fixes them. Each epoch's first batch counts the
 * bytes its steps hold, as in the sequential schedule.
 *
 * <p>Devices: every stage runs on the network's device. Across several GPUs each stage would keep its units on a
 * device of its own and move a batch's input there when it takes it ({@code toDevice}); the queues already carry
 * nothing but the detached input, the residual shortcut, the targets and the read-out's detached features, which is
 * what such a move needs.
 */
public final class Pipeline {

    private static final Object END = new Object();
    private static final long POLL_MS = 50;

    private final Network net;
    private final List<Optimizer> opts;
    private final PipelineConfig config;
    private final int threads;
    private final boolean refresh;
    private int[] bounds;

    /**
     * @param threads the engine threads of the run (what a stage's operations use unless
     *                {@code train.pipeline.threads} says otherwise)
     */
    public Pipeline(Network net, List<Optimizer> opts, PipelineConfig config, int threads) {
        this(net, opts, config, threads, false);
    }

    /** As above; {@code refresh}: batch norm's second pass after each unit's step ({@code train.bn_refresh}). */
    public Pipeline(Network net, List<Optimizer> opts, PipelineConfig config, int threads, boolean refresh) {
        this.refresh = refresh;
        this.net = net;
        this.opts = opts;
        this.config = config;
        this.threads = Math.max(1, threads);
        int units = net.units().size();
        if (!config.split().isEmpty() && config.split().get(config.split().size() - 1) >= units) {
            throw new ffcnn.UserInputException("train.pipeline.split " + config.split() + " names unit "
                    + config.split().get(config.split().size() - 1) + ", but the network has " + units
                    + " learning units (0.." + (units - 1) + ")");
        }
    }

    /** The engine's thread count on the calling thread (what {@code --threads} set). */
    public static int engineThreads() {
        ai.djl.engine.Engine.getInstance(); // loads the native library
        return JniUtils.getNumThreads();
    }

    /**
     * The first unit of every stage and then the unit count, once the first {@link #run} has set them (null
     * before).
     */
    public int[] bounds() {
        return bounds == null ? null : bounds.clone();
    }

    /** Engine threads of each stage's operations ({@code train.pipeline.threads}; 0: the run's). */
    public int stageThreads() {
        return config.threads() > 0 ? config.threads() : threads;
    }

    /** Stages this pipeline cuts the network into (1: a network of one learning unit, trained sequentially). */
    public int stageCount() {
        int units = net.units().size();
        if (!config.split().isEmpty()) {
            return config.split().size() + 1;
        }
        return Math.min(units, config.stages() > 0 ? config.stages() : 2 * threads);
    }

    /**
     * Trains on every batch of {@code batches} at rate {@code lr} (the first run of this pipeline sets its stages:
     * see {@link #bounds}), handing each batch, once through every unit, to
     * {@code done} on the calling thread, in order (its arrays are freed after); the first failure of any stage
     * (a {@link DivergenceException} among them) is thrown here once every stage has stopped.
     */
    public void run(Iterator<Batch> batches, int epoch, double lr, IntPredicate learns,
            Consumer<BatchStep.InFlight> done) {
        if (!batches.hasNext()) {
            return;
        }
        int units = net.units().size();
        int index = 0;
        if (bounds == null && config.split().isEmpty()) {
            // the first batch through every unit here, timed per unit, gives the balance of the stages
            long[] ends = new long[units];
            BatchStep.Clocks clocks = unit -> phase -> {
                if (phase == 4) {
                    ends[unit] = System.nanoTime();
                }
            };
            long start = System.nanoTime();
            BatchStep.InFlight first = BatchStep.start(net, net.manager(), batches.next(), index++, true, refresh);
            BatchStep.runUnits(net, opts, first, 0, units, epoch, lr, learns, clocks);
            deliver(first, done);
            double[] cost = new double[units];
            for (int u = 0; u < units; u++) {
                cost[u] = ends[u] - (u == 0 ? start : ends[u - 1]);
            }
            bounds = balance(cost, stageCount());
        } else if (bounds == null) {
            bounds = new int[config.split().size() + 2];
            for (int s = 0; s < config.split().size(); s++) {
                bounds[s + 1] = config.split().get(s);
            }
            bounds[bounds.length - 1] = units;
        }
        if (bounds.length - 1 < 2) {
            for (; batches.hasNext(); index++) {
                BatchStep.InFlight f = BatchStep.start(net, net.manager(), batches.next(), index, index == 0, refresh);
                BatchStep.runUnits(net, opts, f, 0, units, epoch, lr, learns, BatchStep.Clocks.NONE);
                deliver(f, done);
            }
            return;
        }
        try {
            if (config.lockstep()) {
                lockstep(bounds, batches, index, epoch, lr, learns, done);
            } else {
                concurrent(bounds, batches, index, epoch, lr, learns, done);
            }
        } finally {
            JniUtils.setNumThreads(threads); // a new thread takes the engine's last setting
        }
    }

    /**
     * Cuts units of {@code cost} into {@code stages} contiguous runs whose largest total is smallest; returns the
     * first unit of every stage and then the unit count.
     */
    static int[] balance(double[] cost, int stages) {
        int n = cost.length;
        int s = Math.min(stages, n);
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + cost[i];
        }
        // best[k][i]: the smallest largest stage total of units [0, i) in k stages; cut[k][i]: its last cut
        double[][] best = new double[s + 1][n + 1];
        int[][] cut = new int[s + 1][n + 1];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int k = 1; k <= s; k++) {
            for (int i = k; i <= n; i++) {
                for (int j = k - 1; j < i; j++) {
                    double worst = Math.max(best[k - 1][j], prefix[i] - prefix[j]);
                    if (worst < best[k][i]) {
                        best[k][i] = worst;
                        cut[k][i] = j;
                    }
                }
            }
        }
        int[] firsts = new int[s + 1];
        firsts[s] = n;
        for (int k = s; k > 0; k--) {
            firsts[k - 1] = cut[k][firsts[k]];
        }
        return firsts;
    }

    /** Stages at once, each on its thread, batches handed on through queues of {@code config.depth()}. */
    private void concurrent(int[] bounds, Iterator<Batch> batches, int index, int epoch, double lr,
            IntPredicate learns, Consumer<BatchStep.InFlight> done) {
        int stages = bounds.length - 1;
        int share = stageThreads();
        List<BlockingQueue<Object>> queues = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            queues.add(new ArrayBlockingQueue<>(config.depth()));
        }
        BlockingQueue<Object> finished = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            int stage = s;
            BlockingQueue<Object> out = s + 1 < stages ? queues.get(s + 1) : finished;
            Thread t = new Thread(() -> {
                JniUtils.setGradMode(false); // PyTorch's gradient mode is per thread, and on in a new one
                JniUtils.setNumThreads(share);
                while (true) {
                    Object item = take(queues.get(stage), failure);
                    if (item == null) {
                        return;
                    }
                    if (item != END) {
                        BatchStep.InFlight f = (BatchStep.InFlight) item;
                        try {
                            BatchStep.runUnits(net, opts, f, bounds[stage], bounds[stage + 1], epoch, lr, learns,
                                    BatchStep.Clocks.NONE);
                        } catch (Throwable e) {
                            f.close();
                            failure.compareAndSet(null, e);
                            return;
                        }
                    }
                    if (!put(out, item, failure)) {
                        if (item != END) {
                            ((BatchStep.InFlight) item).close();
                        }
                        return;
                    }
                    if (item == END) {
                        return;
                    }
                }
            }, "ffcnn-stage-" + s);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            feed(queues.get(0), finished, failure, batches, index, done);
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e); // the consumer failed: the stages stop too
        } finally {
            for (Thread t : workers) {
                joinQuietly(t);
            }
            for (BlockingQueue<Object> q : queues) {
                closeAll(q);
            }
            closeAll(finished);
        }
        rethrow(failure.get());
    }

    /** Puts every batch into the first queue and hands on what comes out of the last, until the end comes out. */
    private void feed(BlockingQueue<Object> first, BlockingQueue<Object> finished, AtomicReference<Throwable> failure,
            Iterator<Batch> batches, int index, Consumer<BatchStep.InFlight> done) {
        boolean ended = false;
        while (failure.get() == null) {
            if (!ended) {
                Object item = END;
                if (batches.hasNext()) {
                    item = BatchStep.start(net, net.manager(), batches.next(), index, index == 0, refresh);
                    index++;
                }
                if (!put(first, item, failure)) {
                    if (item != END) {
                        ((BatchStep.InFlight) item).close();
                    }
                    return;
                }
                ended = item == END;
            }
            // hand on what has come out, in order; wait for it only once every batch is in
            Object out = ended ? take(finished, failure) : finished.poll();
            for (; out != null && out != END; out = finished.poll()) {
                deliver((BatchStep.InFlight) out, done);
            }
            if (out == END) {
                return;
            }
        }
    }

    /**
     * One stage at a time, each on its own thread, in the sequential step's order: a batch through every stage
     * before the next batch enters. (Any overlap would change the order of the engine's random draws: the
     * sequential order is batch by batch.)
     */
    private void lockstep(int[] bounds, Iterator<Batch> batches, int index, int epoch, double lr,
            IntPredicate learns, Consumer<BatchStep.InFlight> done) {
        int stages = bounds.length - 1;
        List<ExecutorService> workers = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            String name = "ffcnn-stage-" + s;
            workers.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(() -> {
                    JniUtils.setGradMode(false);
                    JniUtils.setNumThreads(threads); // one stage runs at a time: it may use every thread
                    r.run();
                }, name);
                t.setDaemon(true);
                return t;
            }));
        }
        try {
            for (; batches.hasNext(); index++) {
                BatchStep.InFlight f = BatchStep.start(net, net.manager(), batches.next(), index, index == 0, refresh);
                try {
                    for (int s = 0; s < stages; s++) {
                        int stage = s;
                        Future<?> work = workers.get(s).submit(() -> BatchStep.runUnits(net, opts, f, bounds[stage],
                                bounds[stage + 1], epoch, lr, learns, BatchStep.Clocks.NONE));
                        work.get();
                    }
                } catch (ExecutionException e) {
                    f.close();
                    rethrow(e.getCause());
                } catch (InterruptedException e) {
                    f.close();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                deliver(f, done);
            }
        } finally {
            workers.forEach(ExecutorService::shutdownNow);
        }
    }

    /** Hands {@code f} to {@code done}, then frees its arrays. */
    private static void deliver(BatchStep.InFlight f, Consumer<BatchStep.InFlight> done) {
        try (f) {
            done.accept(f);
        }
    }

    private static Object take(BlockingQueue<Object> q, AtomicReference<Throwable> failure) {
        try {
            while (failure.get() == null) {
                Object item = q.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        }
        return null;
    }

    private static boolean put(BlockingQueue<Object> q, Object item, AtomicReference<Throwable> failure) {
        try {
            while (failure.get() == null) {
                if (q.offer(item, POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        }
        return false;
    }

    private static void closeAll(BlockingQueue<Object> q) {
        for (Object item = q.poll(); item != null; item = q.poll()) {
            if (item instanceof BatchStep.InFlight f) {
                f.close();
            }
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable e) {
        if (e == null) {
            return;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }
}
