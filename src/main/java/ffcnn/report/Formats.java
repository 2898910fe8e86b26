package ffcnn.report;

import java.util.Locale;

/** Numbers as people read them: durations, byte sizes, percentages, counts. */
public final class Formats {

    private Formats() {
    }

    /** {@code 45 s}, {@code 12 min 5 s}, {@code 3 h 20 min}; below 10 s with one decimal. */
    public static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** {@code 990 B}, {@code 1.5 KiB}, {@code 989.9 MiB}, {@code 2.0 GiB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A fraction in [0, 1] as {@code 91.23%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
