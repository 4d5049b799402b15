package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fluxmp.boot.flux.FluxConnection;
import org.fluxmp.boot.flux.FluxFacts;
import org.fluxmp.boot.flux.FluxUri;
import org.fluxmp.boot.run.StopSignals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of a real rc1 (issue 15), against the real broker FLUX_URI names, started
 * without rc scripts of its own: {@code flux start --test-size=1 -Sbroker.rc1_path=
 * -Sbroker.rc3_path= mvn -B -o test -pl runner -am -Dtest=RealBrokerFaultTest}. A module that
 * fails to load, the broker connection closed mid-rc1, SIGTERM mid-rc1: each rc1 ends with a
 * clear message and the exit status the broker expects (1, 1, 143), and the next rc3 removes
 * everything rc1 loaded.
 */
@EnabledIfEnvironmentVariable(named = "FLUX_URI", matches = "local://.+",
        disabledReason = "FLUX_URI is not set to a real broker (local://PATH): real-broker fault runs skipped")
class RealBrokerFaultTest {
    @TempDir
    Path dir;

    Map<String, String> env;
    Set<String> before;

    @BeforeEach
    void setUp() throws Exception {
        env = new LinkedHashMap<>(System.getenv());
        env.put("FLUX_MODPROBE_PATH", dir.toString());
        env.put("FLUX_MODPROBE_STOP_GRACE", "100ms");
        env.put("FLUX_MODPROBE_CACHE", dir.resolve("cache").toString());
        before = loaded();
    }

    @AfterEach
    void rc3RemovesWhatRc1Loaded() throws Exception {
        CliRun rc3 = CliRun.run(env, "rc3", "--no-strict");
        assertEquals(0, rc3.exit(), rc3.describe());
        assertEquals(before, loaded(), "rc3 left modules loaded: " + rc3.describe());
    }

    static Set<String> loaded() throws Exception {
        Path socket = FluxUri.localSocket(System.getenv("FLUX_URI")).orElseThrow();
        try (FluxConnection c = FluxConnection.open(socket)) {
            return Set.copyOf(new FluxFacts(c, Map.of()).loadedModules().keySet());
        }
    }

    @Test
    void aModuleThatFailsToLoadFailsRc1WithTheBrokersWords() throws IOException {
        Files.createDirectories(dir.resolve("modprobe.d"));
        Files.writeString(dir.resolve("modprobe.d/broken.toml"),
                "[[modules]]\nname = \"broken\"\nmodule = \"no-such-module\"\nrequires = [\"kvs\"]\n");
        Files.createDirectories(dir.resolve("rc1.d"));
        Files.writeString(dir.resolve("rc1.d/broken.toml"), "[setup]\nload = [\"broken\"]\n");
        CliRun rc1 = CliRun.run(env, "rc1", "--no-strict");
        assertEquals(1, rc1.exit(), rc1.describe());
        assertTrue(rc1.err().contains("broken: ") && rc1.err().contains("module not found in search path"), rc1.describe());
    }

    @Test
    void theConnectionClosedMidRc1FailsItWithAClearMessage() throws Exception {
        CliRun rc1 = duringRc1(FluxConnection::closeAll);
        assertEquals(1, rc1.exit(), rc1.describe());
        assertTrue(rc1.err().contains(": module.load: the connection to the broker was closed"), rc1.describe());
        assertTrue(!rc1.err().contains("\tat "), rc1.describe());
    }

    @Test
    void sigtermMidRc1ExitsWith143() throws Exception {
        CliRun rc1 = duringRc1(() -> StopSignals.deliver("SIGTERM"));
        assertEquals(143, rc1.exit(), rc1.describe());
        assertTrue(rc1.err().contains("SIGTERM: starting nothing new"), rc1.describe());
    }

    /** rc1, with FAULT done once its run is under way (its first module loaded). */
    CliRun duringRc1(Runnable fault) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                while (!done.get()) {
                    if (loaded().size() > before.size()) {
                        fault.run();
                        return;
                    }
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        try {
            return CliRun.run(env, "rc1", "--no-strict");
        } finally {
            done.set(true);
            t.join();
        }
    }
}
