package org.fluxmp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fluxmp.boot.ToolException;
import org.fluxmp.runner.cli.SimBrokerFileReader;
import org.junit.jupiter.api.Timeout;

/** The simulated broker's file ({@code --broker=sim:FILE}, TOML): read, or refused with the tool's error (a ToolException) naming FILE:LINE. */
class SimFileFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void simFile(byte[] input) throws Exception {
        Path dir = Files.createTempDirectory("fuzz-sim");
        Path file = dir.resolve("sim.toml");
        try {
            Files.write(file, input);
            try {
                SimBrokerFileReader.read(file).toString();
            } catch (ToolException expected) {
                // bad input, said so
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
