package org.fluxmp.boot.plan;

/** Flux Standard Duration strings (plus ms): 60, 1.5, 30s, 500ms, 2m, 1h, 1d. */
public final class Durations {
    private Durations() {}

    public static long parseMillis(String s) {
        double factor = 1000;
        String num = s;
        if (s.endsWith("ms")) {
            factor = 1;
            num = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            num = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
            factor = 60_000;
            num = s.substring(0, s.length() - 1);
        } else if (s.endsWith("h")) {
            factor = 3_600_000;
            num = s.substring(0, s.length() - 1);
        } else if (s.endsWith("d")) {
            factor = 86_400_000;
            num = s.substring(0, s.length() - 1);
        }
        return Math.round(Double.parseDouble(num) * factor);
    }
}
