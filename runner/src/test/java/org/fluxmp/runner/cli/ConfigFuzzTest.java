package org.fluxmp.runner.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** A modprobe.d drop-in of any bytes: {@code verify} says what is wrong (exit 0 or 1), never a stack trace. */
class ConfigFuzzTest {
    @FuzzTest(maxDuration = org.fluxmp.fuzz.FuzzBudget.PER_TARGET)
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void moduleConfigDropIn(byte[] input) throws Exception {
        DropInFuzzing.verify(input, "modprobe.d");
    }
}
