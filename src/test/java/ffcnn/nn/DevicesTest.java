package ffcnn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ffcnn.UserInputException;
import org.junit.jupiter.api.Test;

/** {@code --device}: the best device by default, the CPU on request, a missing GPU refused. */
class DevicesTest {

    @Test
    void theDefaultIsTheBestPresent() {
        assertThat(Devices.resolve(null, 0)).isEqualTo(Device.cpu());
        assertThat(Devices.resolve(null, 2)).isEqualTo(Device.gpu());
        assertThat(Devices.resolve("cpu", 2)).isEqualTo(Device.cpu());
        assertThat(Devices.resolve("GPU", 1)).isEqualTo(Device.gpu());
    }

    @Test
    void aMissingGpuOrUnknownNameIsAUserError() {
        assertThatThrownBy(() -> Devices.resolve("gpu", 0)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--device gpu: no GPU is usable here");
        assertThatThrownBy(() -> Devices.resolve("cuda", 1)).isInstanceOf(UserInputException.class)
                .hasMessage("--device: unknown device 'cuda' (known: cpu, gpu)");
    }

    @Test
    void managersOpenOnTheChosenDevice() {
        Devices.select("cpu");
        try (NDManager m = Devices.newManager()) {
            assertThat(m.getDevice()).isEqualTo(Device.cpu());
            assertThat(m.zeros(new ai.djl.ndarray.types.Shape(2)).getDevice()).isEqualTo(Device.cpu());
            assertThat(Devices.describe()).isEqualTo("cpu");
        } finally {
            Devices.select(null);
        }
    }
}
