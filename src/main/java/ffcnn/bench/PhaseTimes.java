package ffcnn.bench;

/** Accumulated nanoseconds per layer and phase of a training step. */
public final class PhaseTimes {

    /** The phases of a local step, in order. */
    public static final String[] PHASES = {"forward", "loss", "backward", "optimizer", "pass-on"};

    private final long[][] nanos;

    public PhaseTimes(int layers) {
        nanos = new long[layers][PHASES.length];
    }

    void add(int layer, int phase, long ns) {
        nanos[layer][phase] += ns;
    }

    /** Seconds spent in {@code phase} of {@code layer}. */
    public double seconds(int layer, int phase) {
        return nanos[layer][phase] / 1e9;
    }

    /** Seconds spent in {@code layer}, all phases. */
    public double layerSeconds(int layer) {
        double s = 0;
        for (int p = 0; p < PHASES.length; p++) {
            s += seconds(layer, p);
        }
        return s;
    }

    /** Seconds spent in {@code phase}, all layers. */
    public double phaseSeconds(int phase) {
        double s = 0;
        for (int l = 0; l < nanos.length; l++) {
            s += seconds(l, phase);
        }
        return s;
    }

    public int layers() {
        return nanos.length;
    }
}
