package ffcnn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The JMH convolution benchmark's shapes, arithmetic count and calls: they free what they create. */
class ConvolutionKernelsTest {

    @Test
    void shapesAndArithmetic() {
        assertThat(ConvolutionKernels.parse("128x100->100@32")).containsExactly(128, 100, 100, 32);
        assertThat(ConvolutionKernels.flops(new int[] {128, 100, 100, 32})).isEqualTo(2.0 * 128 * 100 * 100 * 1024 * 9);
        assertThatThrownBy(() -> ConvolutionKernels.parse("128x100")).hasMessageContaining("BxI->O@S");
    }

    @Test
    void callsCountTheirArithmeticAndLeaveNothingBehind() {
        ConvolutionKernels k = new ConvolutionKernels();
        k.shape = "4x20->24@6";
        k.setUp();
        try {
            ConvolutionKernels.Arithmetic counter = new ConvolutionKernels.Arithmetic();
            k.forward(counter);
            k.forwardAndWeightGradient(counter);
            int arrays = k.managedArrays();
            float g = k.forwardAndWeightGradient(counter);
            k.forward(counter);
            assertThat(k.managedArrays()).isEqualTo(arrays);
            assertThat(g).isFinite().isNotZero();
            // 2 forward calls and 2 with the weight's gradient (twice the arithmetic each)
            assertThat(counter.gflop).isCloseTo(6 * 2.0 * 4 * 20 * 24 * 36 * 9 / 1e9, within(1e-15));
        } finally {
            k.tearDown();
        }
    }
}
