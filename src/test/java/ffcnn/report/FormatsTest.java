package ffcnn.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(Formats.duration(2.345)).isEqualTo("2.3 s");
        assertThat(Formats.duration(45.2)).isEqualTo("45 s");
        assertThat(Formats.duration(1767.867270609)).isEqualTo("29 min 28 s");
        assertThat(Formats.duration(12_000)).isEqualTo("3 h 20 min");
    }

    @Test
    void sizesPercentagesAndCounts() {
        assertThat(Formats.bytes(990)).isEqualTo("990 B");
        assertThat(Formats.bytes(1_037_926_400L)).isEqualTo("989.8 MiB");
        assertThat(Formats.percent(0.91234)).isEqualTo("91.23%");
        assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
    }
}
