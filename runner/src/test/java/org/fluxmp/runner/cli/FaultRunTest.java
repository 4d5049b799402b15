package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fluxmp.boot.broker.SimState;
import org.fluxmp.boot.json.Json;
import org.fluxmp.boot.run.StopSignals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault runs (issue 15): the default rc1 then rc3 on the simulated broker, each run with random
 * latencies, failing loads, loads that outlast their timeout and a SIGTERM at a random time
 * ({@link Fault}), checked from the sim log and the exit status ({@link FaultRunCheck}). 100 runs
 * in every build; {@code -Dfluxmp.faultRuns=1000} (the fuzz profile) for the full set.
 */
class FaultRunTest {
    static final int RUNS = Integer.getInteger("fluxmp.faultRuns", 100);

    @TempDir
    Path dir;

    @Test
    void rc1ThenRc3EndCleanWhateverFaultsComeDuringRc1() throws Exception {
        List<String> modules = rc1Modules();
        List<String> violations = new ArrayList<>();
        Map<String, Integer> tally = new java.util.TreeMap<>();
        for (int i = 0; i < RUNS; i++) {
            Fault f = Fault.draw(1_000_003L * i + 15, modules);
            for (String v : faultRun(f, dir.resolve("run-" + i), tally)) {
                violations.add(f.describe() + ": " + v);
            }
            tally.merge("failing loads injected", f.failing().size(), Integer::sum);
            tally.merge("timeouts injected", f.timedOut().size(), Integer::sum);
            tally.merge("SIGTERMs due", f.sigtermAfterMs() < 0 ? 0 : 1, Integer::sum);
        }
        System.out.println("fault runs: " + RUNS + " " + tally + ", violations: " + violations.size());
        assertEquals(List.of(), violations);
    }

    /** The modules the default rc1 loads on the sim broker, from its dry run. */
    List<String> rc1Modules() throws IOException {
        Path run = Files.createDirectories(dir.resolve("dry"));
        CliRun r = CliRun.run(env(run), "rc1", "--dry-run", "--broker=sim:" + simFile(run, Fault.draw(0, List.of()), true));
        assertEquals(0, r.exit(), r.describe());
        List<String> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.startsWith("load ")) {
                out.add(line.split(" ")[1]);
            }
        }
        assertTrue(out.size() > 10, r.describe());
        return out;
    }

    static Map<String, String> env(Path run) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FLUX_MODPROBE_PATH", run.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("FLUX_MODPROBE_STOP_GRACE", "20ms");
        env.put("FLUX_MODPROBE_CACHE", run.resolve("cache").toString());
        return env;
    }

    static Path simFile(Path run, Fault f, boolean withFailures) throws IOException {
        return Files.writeString(run.resolve(withFailures ? "sim-rc1.toml" : "sim-rc3.toml"),
                f.simFile(withFailures ? "rc1.jsonl" : "rc3.jsonl", "state.json", withFailures));
    }

    /** One run of rc1 (faults injected) then rc3 (no faults): what went wrong, if anything. */
    static List<String> faultRun(Fault f, Path run, Map<String, Integer> tally) throws Exception {
        Files.createDirectories(run.resolve("modprobe.d"));
        Files.writeString(run.resolve("modprobe.d/timeouts.toml"), f.timeouts());
        Map<String, String> env = env(run);
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean delivered = new AtomicBoolean();
        Thread signal = new Thread(() -> sigterm(f, done, delivered), "fault-sigterm");
        signal.start();
        CliRun rc1;
        try {
            rc1 = CliRun.run(env, "rc1", "-v", "-j", Integer.toString(f.workers()), "--broker=sim:" + simFile(run, f, true));
        } finally {
            done.set(true);
            signal.join();
        }
        List<String> violations = new ArrayList<>();
        FaultRunCheck check = new FaultRunCheck(f, violations);
        check.noProcessLeftBehind("rc1");
        check.rc1(rc1, log(run.resolve("rc1.jsonl")), delivered.get());
        tally.merge("rc1 exit " + rc1.exit(), 1, Integer::sum);
        tally.merge("SIGTERMs delivered mid-run", delivered.get() ? 1 : 0, Integer::sum);
        CliRun rc3 = CliRun.run(env, "rc3", "-j", Integer.toString(f.workers()), "--broker=sim:" + simFile(run, f, false));
        check.noProcessLeftBehind("rc3");
        check.rc3(rc3, log(run.resolve("rc3.jsonl")), stillLoaded(run.resolve("state.json")));
        return violations;
    }

    /** Delivers SIGTERM (as the signal handler does) F's time after rc1 starts running, if F has one. */
    static void sigterm(Fault f, AtomicBoolean done, AtomicBoolean delivered) {
        if (f.sigtermAfterMs() < 0) {
            return;
        }
        long due = System.nanoTime() + f.sigtermAfterMs() * 1_000_000L;
        while (!done.get()) {
            if (System.nanoTime() >= due && StopSignals.deliver("SIGTERM")) {
                delivered.set(true);
                return;
            }
            Thread.onSpinWait();
        }
    }

    static List<Map<?, ?>> log(Path log) throws IOException {
        List<Map<?, ?>> out = new ArrayList<>();
        if (Files.exists(log)) {
            for (String l : Files.readAllLines(log)) {
                out.add((Map<?, ?>) Json.parse(l));
            }
        }
        return out;
    }

    /** What the sim state says is loaded; nothing if no load ever succeeded (no state file). */
    static List<String> stillLoaded(Path state) {
        return Files.exists(state) ? SimState.read(state) : List.of();
    }
}
