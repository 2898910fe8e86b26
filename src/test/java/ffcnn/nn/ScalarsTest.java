package ffcnn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arithmetic with numbers survives the garbage collector between forward and backward ({@link Scalars}), and no
 * main source multiplies, divides or raises an array by a number literal through DJL's {@code Number} methods.
 */
class ScalarsTest {

    /** Runs the collector and hands the freed memory out again, filled with 1e30. */
    private static List<ByteBuffer> reuseFreedMemory() throws InterruptedException {
        System.gc();
        Thread.sleep(20);
        List<ByteBuffer> held = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, 1e30f);
            held.add(b);
        }
        return held;
    }

    /** The gradient d sum(f(x)) / dx at x = 1, with the collector run and memory reused before backward. */
    private static float gradientAfterCollection(UnaryOperator<NDArray> f) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(3));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                List<ByteBuffer> held = reuseFreedMemory();
                gc.backward(y);
                assertThat(held).hasSize(200);
            }
            return x.getGradient().toFloatArray()[0];
        }
    }

    @Test
    void gradientsThroughScalarsAreExactAfterTheCollectorRan() throws InterruptedException {
        for (int rep = 0; rep < 10; rep++) {
            assertThat(gradientAfterCollection(x -> Scalars.times(x, 0.37))).isEqualTo(0.37f);
            assertThat(gradientAfterCollection(x -> Scalars.over(x, 4))).isEqualTo(0.25f);
        }
    }

    @Test
    void resultsAreThoseOfTheEngine() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1.5f, -2f, 3.25f});
            float[] times = x.mul(0.94f).toFloatArray();
            float[] over = x.div(7f).toFloatArray();
            int arrays = m.getManagedArrays().size();
            assertThat(Scalars.times(x, 0.94).toFloatArray()).containsExactly(times);
            assertThat(Scalars.over(x, 7).toFloatArray()).containsExactly(over);
            assertThat(m.getManagedArrays()).hasSize(arrays + 2); // the two results: no scalar left behind
        }
    }

    /** {@code .mul(0.5f)}, {@code .div((float) k)}, {@code .pow(2)}: a number, not an array, as the operand. */
    static final Pattern NUMBER_OPERAND = Pattern.compile(
            "\\.(mul|div|pow)\\(\\s*(-?\\d|\\((float|double|int|long)\\))");

    @Test
    void noMainSourceHandsANumberToDjlArithmetic() throws IOException {
        // the optimisers' updates run outside any gradient scope: nothing they compute is differentiated
        List<Path> optimiser = List.of(Path.of("src/main/java/ffcnn/train/AdamW.java"),
                Path.of("src/main/java/ffcnn/train/Sgd.java"), Path.of("src/main/java/ffcnn/train/Gradients.java"));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).filter(p -> !optimiser.contains(p))
                    .toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (NUMBER_OPERAND.matcher(lines.get(i)).find()) {
                        found.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(found).as("use ffcnn.nn.Scalars").isEmpty();
    }

    @Test
    void thePatternCatchesWhatItMustCatch() {
        for (String bad : List.of("x.mul(0.5f)", "x.div((float) k)", "x.pow(2)", "x.mul(-1)", "x.div( (double) c)")) {
            assertThat(NUMBER_OPERAND.matcher(bad).find()).as(bad).isTrue();
        }
        for (String fine : List.of("x.mul(x)", "x.div(norm)", "Scalars.times(x, 0.5)", "x.add(1e-6f)")) {
            assertThat(NUMBER_OPERAND.matcher(fine).find()).as(fine).isFalse();
        }
    }
}
