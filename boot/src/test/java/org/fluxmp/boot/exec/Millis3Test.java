package org.fluxmp.boot.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The executor's seconds with three decimals print what %.3f prints (the oracle). */
class Millis3Test {
    @Test
    void agreesWithFormatOnTimesARunSees() {
        Random r = new Random(3);
        for (int i = 0; i < 5000; i++) {
            double s = i < 2000 ? i / 1000.0 : r.nextDouble() * 1e4;
            String expected = String.format(Locale.ROOT, "%.3f", Math.round(s * 1000) / 1000.0);
            assertEquals(expected, Executor.millis3(s), "for " + s);
        }
    }
}
