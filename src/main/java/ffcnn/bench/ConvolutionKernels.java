package ffcnn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ffcnn.nn.Convolution;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmark of the engine's 3 x 3 convolution as ffcnn runs it ({@link Convolution#apply}), at the
 * shapes of ResNet-17 (batch 128; 100, 200, 400 and 800 channels at 32, 16, 8 and 4 pixels) and of TinyCNN's
 * first layer (1 -> 100 channels at 28 x 28): the arithmetic ceiling of a training step. {@code forward} is the
 * convolution alone; {@code forwardAndWeightGradient} adds the gradient of the weight, which is all a forward-only
 * layer's backward pass takes of its convolution (its input is detached). JMH reports calls per second and, as the
 * auxiliary counter {@code gflop}, the convolution's nominal arithmetic per second (GFLOP/s: 2 x multiply-adds,
 * counted on the unpadded channels, so the padding {@link Convolution} adds shows as a lower rate).
 *
 * <pre>
 * java -Dai.djl.offline=true -cp target/ffcnn.jar org.openjdk.jmh.Main ConvolutionKernels
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class ConvolutionKernels {

    /** {@code batch x in -> out channels @ size x size}, stride 1, padding 1. */
    @Param({"128x100->100@32", "128x200->200@16", "128x400->400@8", "128x800->800@4", "128x1->100@28"})
    public String shape;

    /** Nominal arithmetic of the calls made, read by JMH as a rate (GFLOP/s). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Arithmetic {
        public double gflop;

        @Setup(Level.Iteration)
        public void reset() {
            gflop = 0;
        }
    }

    private NDManager manager;
    private NDArray x;
    private NDArray weight;
    private double gflopPerCall;

    @Setup(Level.Trial)
    public void setUp() {
        int[] s = parse(shape);
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(1);
        x = manager.randomNormal(new Shape(s[0], s[1], s[3], s[3]));
        weight = manager.randomNormal(0, 0.05f, new Shape(s[2], s[1], 3, 3), DataType.FLOAT32);
        gflopPerCall = flops(s) / 1e9;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    /** Arrays the benchmark's manager holds (its input and weight between calls). */
    int managedArrays() {
        return manager.getManagedArrays().size();
    }

    /** Multiply-adds x 2 of a 3 x 3, stride 1, padding 1 convolution of shape {@code {batch, in, out, size}}. */
    static double flops(int[] s) {
        return 2.0 * s[0] * s[1] * s[2] * s[3] * s[3] * 9;
    }

    /** {@code "BxI->O@S"} as {@code {B, I, O, S}}. */
    static int[] parse(String shape) {
        String[] a = shape.split("x|->|@");
        if (a.length != 4) {
            throw new IllegalArgumentException("shape '" + shape + "' is not BxI->O@S");
        }
        return new int[] {Integer.parseInt(a[0]), Integer.parseInt(a[1]), Integer.parseInt(a[2]),
            Integer.parseInt(a[3])};
    }

    @Benchmark
    public float forward(Arithmetic counter) {
        try (NDManager step = manager.newSubManager()) {
            x.tempAttach(step); // what the call creates lives in the step and goes with it
            NDArray y = Convolution.apply(x, weight, null, new Shape(1, 1), new Shape(1, 1), 1);
            counter.gflop += gflopPerCall;
            return y.getFloat(0, 0, 0, 0);
        }
    }

    @Benchmark
    public float forwardAndWeightGradient(Arithmetic counter) {
        try (NDManager step = manager.newSubManager()) {
            x.tempAttach(step);
            weight.tempAttach(step);
            NDArray w = weight.duplicate();
            w.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray y = Convolution.apply(x, w, null, new Shape(1, 1), new Shape(1, 1), 1);
                c.backward(y);
            }
            counter.gflop += 2 * gflopPerCall;
            return w.getGradient().getFloat(0, 0, 0, 0);
        }
    }
}
