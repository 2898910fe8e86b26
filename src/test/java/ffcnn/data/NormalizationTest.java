package ffcnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The values of a preset's {@code data.normalization} and what they become. */
class NormalizationTest {

    private static final Normalization CIFAR = KnownDataset.CIFAR10.normalization();

    @Test
    void datasetKeepsTheDatasetsOwnStatistics() {
        assertThat(Normalization.resolve("dataset", CIFAR, 3)).isSameAs(CIFAR);
        assertThat(Normalization.resolve(null, CIFAR, 3)).isSameAs(CIFAR);
    }

    @Test
    void noneLeavesPixelsInTheUnitInterval() {
        float[][] table = Normalization.resolve("none", CIFAR, 3).lookupTable();
        assertThat(table).hasNumberOfRows(3);
        assertThat(table[2][0]).isZero();
        assertThat(table[2][255]).isEqualTo(1f);
        assertThat(table[0][51]).isEqualTo(0.2f);
    }

    @Test
    void namedAndExplicitStatistics() {
        assertThat(Normalization.resolve("imagenet", CIFAR, 3)).isEqualTo(Normalization.IMAGENET);
        Normalization grey = Normalization.resolve("imagenet", CIFAR, 1);
        assertThat(grey.mean()[0]).isCloseTo((0.485f + 0.456f + 0.406f) / 3, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(Normalization.resolve("0.5/0.5", CIFAR, 1)).isEqualTo(Normalization.uniform(1, 0.5f, 0.5f));
        assertThat(Normalization.resolve("0.5/0.25", CIFAR, 3)).isEqualTo(Normalization.uniform(3, 0.5f, 0.25f));
        assertThat(Normalization.resolve("0.1,0.2,0.3/1,2,3", CIFAR, 3)).isEqualTo(
                new Normalization(new float[] {0.1f, 0.2f, 0.3f}, new float[] {1f, 2f, 3f}));
        // byte 255 of channel 0 with mean 0.5 and std 0.5 becomes 1, byte 0 becomes -1 (torchvision's Normalize)
        float[][] t = Normalization.resolve("0.5/0.5", CIFAR, 1).lookupTable();
        assertThat(t[0][255]).isEqualTo(1f);
        assertThat(t[0][0]).isEqualTo(-1f);
    }

    @Test
    void badValuesAreRefusedWithTheirText() {
        assertThatThrownBy(() -> Normalization.resolve("imagnet", CIFAR, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'imagnet'");
        assertThatThrownBy(() -> Normalization.resolve("0.1,0.2/1,2", CIFAR, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per channel (3)");
        assertThatThrownBy(() -> Normalization.resolve("0.5/0", CIFAR, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std must be > 0");
        assertThatThrownBy(() -> Normalization.resolve("0.5/x", CIFAR, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0.5/x'");
    }
}
