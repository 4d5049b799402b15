package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fluxmp.boot.run.StopSignals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during a run, in a real process (signals cannot be sent to an in-process run): a sim load
 * that never finishes is running; the tool starts nothing new, waits out the grace period, stops
 * the load, and exits 143. The limits below only keep a broken build from hanging.
 */
class SignalTest {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheRunGracefullyAndExits143() throws Exception {
        Path sim = dir.resolve("sim.toml");
        Files.writeString(sim, "log = \"log.jsonl\"\n[latency]\ndefault = 0\nkvs = 3600000\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dfluxmp.home=" + CliRun.home(), "org.fluxmp.boot.Boot", "rc1", "-v", "--broker=sim:" + sim);
        pb.environment().put("FLUX_MODPROBE_PATH", dir.toString());
        pb.environment().put("FLUX_MODPROBE_STOP_GRACE", "100ms");
        pb.environment().remove("FLUX_URI");
        pb.environment().remove("FLUX_MODPROBE_BROKER");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        StringBuilder err = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = r.readLine()) != null) {
                err.append(line).append('\n');
                if (!signalled && line.startsWith("start kvs ")) {
                    p.toHandle().destroy(); // SIGTERM, leaving our end of its pipes open
                    signalled = true;
                }
            }
        } finally {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertEquals(143, p.exitValue(), err.toString());
        assertTrue(err.toString().contains("flux-modprobe: SIGTERM: starting nothing new; waiting up to 0.100s for "),
                err.toString());
        assertTrue(err.toString().contains("kvs: stopped (SIGTERM)\n"), err.toString());
        List<String> log = Files.readAllLines(dir.resolve("log.jsonl"));
        assertFalse(log.stream().anyMatch(l -> l.contains("\"kvs-watch\"")), "nothing after kvs started: " + log);
    }

    @Test
    void signalsMapToTheShellsExitStatus() {
        assertEquals(143, StopSignals.exitCode("SIGTERM"));
        assertEquals(130, StopSignals.exitCode("SIGINT"));
        assertEquals(1, StopSignals.exitCode("something else"));
    }
}
