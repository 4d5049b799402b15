package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.json.Json;
import org.junit.jupiter.api.Test;

/**
 * run, rc1, rc3, load and remove against the simulated broker: flux-core's t0100 run cases
 * rewritten for TOML tasks, faults (timeouts, a failing load with siblings in flight, a broker
 * request that hangs), parallelism and ordering read back from the sim log, --timing-file and plot,
 * and what a run says when nothing was configured.
 */
class RunCommandsTest extends SearchPathCliTest {

    /** A sim broker file with no latency unless EXTRA says so, logging to log.jsonl. */
    String sim(String extra) throws IOException {
        write("sim.toml", "log = \"log.jsonl\"\nstate = \"state.json\"\n" + extra
                + (extra.contains("[latency]") ? "" : "\n[latency]\ndefault = 0\n")
                + (extra.contains("[remove-latency]") ? "" : "\n[remove-latency]\ndefault = 0\n"));
        return "--broker=sim:" + dir.resolve("sim.toml");
    }

    List<Map<?, ?>> log() throws IOException {
        List<Map<?, ?>> out = new ArrayList<>();
        Path log = dir.resolve("log.jsonl");
        if (Files.exists(log)) {
            for (String l : Files.readAllLines(log)) {
                out.add((Map<?, ?>) Json.parse(l));
            }
        }
        return out;
    }

    static double num(Map<?, ?> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    List<Map<?, ?>> entries(String action) throws IOException {
        return log().stream().filter(m -> action.equals(m.get("action"))).toList();
    }

    Map<?, ?> entry(String action, String name) throws IOException {
        return log().stream().filter(m -> action.equals(m.get("action")) && name.equals(m.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " " + name + " in the sim log"));
    }

    static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    // --- t0100's run cases, as TOML ---

    @Test
    void beforeStarRunsFirstAndAfterStarLast() throws IOException {
        Path f = write("t.toml", "[[task]]\nname = \"first\"\nbefore = [\"*\"]\nrun = \"echo first\"\n"
                + "[[task]]\nname = \"a\"\nrun = \"echo a\"\n[[task]]\nname = \"b\"\nrun = \"echo b\"\n"
                + "[[task]]\nname = \"last\"\nafter = [\"*\"]\nrun = \"echo last\"\n");
        CliRun r = run("run", sim(""), f.toString());
        assertEquals(0, r.exit(), r.describe());
        List<String> out = lines(r.out());
        assertEquals("first", out.get(0));
        assertEquals("last", out.get(3));
        assertEquals(List.of("a", "b"), out.subList(1, 3).stream().sorted().toList());
    }

    @Test
    void needsKeepsATaskFromRunningWhenItsNeedIsNotThere() throws IOException {
        Path f = write("t.toml", "[[task]]\nname = \"a\"\nranks = \"1\"\nrun = \"echo a\"\n"
                + "[[task]]\nname = \"b\"\nneeds = [\"a\"]\nrun = \"echo b\"\n"
                + "[[task]]\nname = \"c\"\nrun = \"echo c\"\n");
        CliRun r = run("run", sim(""), f.toString());
        assertEquals("c\n", r.out(), r.describe());
        r = run("run", sim(""), "--rank", "1", f.toString());
        assertEquals(List.of("a", "b", "c"), lines(r.out()).stream().sorted().toList(), r.describe());
    }

    @Test
    void aFailingRunBodyFailsTheRunWithItsExitStatus() throws IOException {
        Path f = write("t.toml", "[[task]]\nname = \"first\"\nbefore = [\"*\"]\nrun = \"echo first\"\n"
                + "[[task]]\nname = \"next\"\nrun = \"false\"\n");
        CliRun r = run("run", sim(""), f.toString());
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("next: bash: exited with exit status 1\n"), r.describe());
    }

    @Test
    void aJavaTaskExceptionIsReportedWithTheTaskName() throws IOException {
        Path f = write("t.toml", "[[task]]\nname = \"next\"\njava = \"org.fluxmp.boot.exec.FailingJavaTask\"\n");
        CliRun r = run("run", sim(""), f.toString());
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("next: test exception\n"), r.describe());
    }

    @Test
    void aFailureAbortsTasksThatHaveNotStarted() throws IOException {
        Path f = write("t.toml", "[[task]]\nname = \"first\"\nbefore = [\"*\"]\nrun = \"echo first\"\n"
                + "[[task]]\nname = \"next\"\nrun = \"exit 1\"\n"
                + "[[task]]\nname = \"next2\"\nrun = \"sleep 0.1; echo next2\"\n"
                + "[[task]]\nname = \"last\"\nafter = [\"next\"]\nrun = \"echo last\"\n");
        CliRun r = run("run", sim(""), "-j", "4", f.toString());
        assertEquals(1, r.exit(), r.describe());
        assertEquals(List.of("first", "next2"), lines(r.out()), "next2 was running and finished; last never started");
        assertTrue(r.err().contains("next: bash: exited with exit status 1"), r.describe());
    }

    @Test
    void verboseNamesEveryPlaceItLooksForFiles() {
        CliRun r = run("rc1", "--dry-run", "-v");
        assertEquals(0, r.exit(), r.describe());
        for (String s : List.of("checking " + CliRun.home().resolve("etc/modprobe/rc1.toml"),
                "checking " + dir + "/modprobe.d/*.toml", "checking " + dir + "/rc1.d/*.toml")) {
            assertTrue(r.err().contains(s + "\n"), s + "\n" + r.describe());
        }
    }

    @Test
    void setoptAppendsToAndOverwritesModuleArguments() throws IOException {
        write("modprobe.d/test.toml", "[[modules]]\nname = \"test-module\"\nargs = [\"foo\", \"bar\"]\n");
        write("rc1.d/01.toml", "[setup]\nsetopt = { test-module = \"test-arg    additional\" }\nload = [\"test-module\"]\n");
        CliRun r = run("rc1", "--dry-run");
        assertTrue(lines(r.out()).contains("load test-module foo bar test-arg additional"), r.describe());
        write("rc1.d/01.toml", "[setup]\nsetopt-overwrite = { test-module = \"test-arg\" }\nload = [\"test-module\"]\n");
        r = run("rc1", "--dry-run");
        assertTrue(lines(r.out()).contains("load test-module test-arg"), r.describe());
    }

    @Test
    void fluxSchedModuleNoneLoadsNoScheduler() {
        env.put("FLUX_SCHED_MODULE", "none");
        CliRun r = run("rc1", "--dry-run");
        assertEquals(0, r.exit(), r.describe());
        assertFalse(r.out().contains("sched-simple"), r.describe());
        assertTrue(r.out().contains("load kvs\n"), r.describe());
    }

    @Test
    void enableForcesARank0ModuleOnRank1() throws IOException {
        write("rc1.d/x.toml", "[setup]\nenable = [\"feasibility\"]\n");
        CliRun r = run("rc1", "--dry-run", "--rank", "1");
        assertTrue(r.out().contains("load sched-simple"), r.describe());
    }

    @Test
    void aFailingModuleLoadFailsRc1() throws IOException {
        CliRun r = run("rc1", sim("[fail]\nsched-simple = \"error loading module sched-simple: Invalid argument\"\n"));
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("sched-simple: error loading module sched-simple: Invalid argument\n"), r.describe());
    }

    // --- faults ---

    @Test
    void aTaskOverItsTimeoutFailsTheRun() throws IOException {
        Path f = write("t.toml", "[[task]]\nname = \"slow\"\ntimeout = \"200ms\"\nrun = \"sleep 30\"\n"
                + "[[task]]\nname = \"after-slow\"\nafter = [\"slow\"]\nrun = \"echo never\"\n");
        CliRun r = run("run", sim(""), f.toString());
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("slow: timed out after 0.200s\n"), r.describe());
        assertEquals("", r.out());
    }

    @Test
    void aBrokerRequestThatHangsIsCutOffByTheModulesTimeout() throws IOException {
        write("modprobe.d/timeouts.toml", "kvs.timeout = \"100ms\"\n");
        CliRun r = run("rc1", sim("[latency]\ndefault = 0\nkvs = 3600000\n"));
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("kvs: timed out after 0.100s\n"), r.describe());
        for (Map<?, ?> m : entries("load")) {
            assertFalse(List.of("kvs-watch", "resource", "job-manager").contains(m.get("name")), "started after kvs: " + m);
        }
    }

    @Test
    void aFailingLoadLetsSiblingsInFlightFinishAndStartsNothingNew() throws IOException {
        // job-list fails at once while job-exec and job-ingest are loading; nothing starts afterwards
        CliRun r = run("rc1", "-j", "8", sim("[latency]\ndefault = 0\njob-exec = 250\njob-ingest = 250\njob-list = 100\n"
                + "sched-simple = 250\n[fail]\njob-list = \"job-list: Invalid argument\"\n"));
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("job-list: job-list: Invalid argument\n"), r.describe());
        double failedAt = num(entry("load", "job-list"), "end");
        for (String sibling : List.of("job-exec", "job-ingest", "sched-simple")) {
            Map<?, ?> e = entry("load", sibling);
            assertTrue(num(e, "start") < failedAt && num(e, "end") > failedAt && e.get("error") == null,
                    sibling + " was in flight and finished: " + e);
        }
        for (Map<?, ?> m : log()) {
            if (m.containsKey("start") && !"kvs-put".equals(m.get("action"))) {
                assertTrue(num(m, "start") <= failedAt, "started after the failure: " + m);
            }
        }
        assertFalse(r.out().contains("running"), "run-all-rc1 never ran");
    }

    // --- parallelism and order, from the sim log ---

    static int maxInFlight(List<Map<?, ?>> entries) {
        List<double[]> events = new ArrayList<>();
        for (Map<?, ?> m : entries) {
            events.add(new double[] {num(m, "start"), 1});
            events.add(new double[] {num(m, "end"), -1});
        }
        // an end and a start at the same instant: the end first (they did not overlap)
        events.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int n = 0;
        int max = 0;
        for (double[] e : events) {
            n += (int) e[1];
            max = Math.max(max, n);
        }
        return max;
    }

    @Test
    void neverMoreThanWLoadsAreInFlightAndIndependentLoadsOverlap() throws IOException {
        String latency = "[latency]\ndefault = 20\n";
        CliRun r = run("rc1", "-j", "2", sim(latency));
        assertEquals(0, r.exit(), r.describe());
        assertTrue(maxInFlight(entries("load")) <= 2, "in flight: " + maxInFlight(entries("load")));
        Files.delete(dir.resolve("log.jsonl"));
        Files.delete(dir.resolve("state.json"));
        r = run("rc1", "-j", "6", sim(latency));
        assertEquals(0, r.exit(), r.describe());
        int max = maxInFlight(entries("load"));
        assertTrue(max >= 2 && max <= 6, "in flight: " + max);
    }

    @Test
    void rc1ThenRc3RemovesEverythingInReverseOrder() throws Exception {
        String sim = sim("[latency]\ndefault = 1\n");
        assertEquals(0, run("rc1", sim).exit());
        List<String> loaded = entries("load").stream().map(m -> (String) m.get("name")).toList();
        assertEquals(13, loaded.size());
        CliRun r = run("rc3", sim);
        assertEquals(0, r.exit(), r.describe());
        assertEquals(List.of(), org.fluxmp.boot.broker.SimState.read(dir.resolve("state.json")));
        assertEquals(loaded.stream().sorted().toList(),
                entries("remove").stream().map(m -> (String) m.get("name")).sorted().toList());
        // a module is removed only after everything that was loaded after it (and needed it) is gone
        for (String[] pair : new String[][] {{"kvs", "content"}, {"kvs-watch", "kvs"}, {"resource", "kvs-watch"},
                {"job-manager", "resource"}, {"sched-simple", "job-manager"}, {"content-sqlite", "content"}}) {
            assertTrue(num(entry("remove", pair[0]), "end") <= num(entry("remove", pair[1]), "start"),
                    pair[0] + " removed before " + pair[1]);
        }
    }

    // --- timing, plot, durations ---

    @Test
    void theTimingFileListsPlannerPhasesThenTasksAndPlotsAsAChart() throws Exception {
        Path t = dir.resolve("t.json");
        CliRun r = run("rc1", sim(""), "--timing-file", t.toString());
        assertEquals(0, r.exit(), r.describe());
        List<?> list = (List<?>) Json.parse(Files.readString(t));
        assertEquals("configure", ((Map<?, ?>) list.get(0)).get("name"));
        assertEquals("run-all-rc1", ((Map<?, ?>) list.get(list.size() - 1)).get("name"));
        for (Object o : list) {
            assertEquals(List.of("name", "starttime", "duration"), new ArrayList<>(((Map<?, ?>) o).keySet()));
        }
        Path svg = dir.resolve("rc1.svg");
        r = run("plot", t.toString(), "-o", svg.toString());
        assertEquals(0, r.exit(), r.describe());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.contains("sched-simple"), text.substring(0, 200));
        assertTrue(r.err().contains("critical path: "), r.describe());
    }

    @Test
    void plotOfSomethingElseIsAnError() throws IOException {
        Path t = write("t.json", "{\"not\": \"a list\"}");
        CliRun r = run("plot", t.toString());
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().startsWith("flux-modprobe: ERROR: ") && r.err().contains("not a timing list"), r.describe());
    }

    @Test
    void laterPlansUseMeasuredDurations() throws IOException {
        env.put("FLUX_MODPROBE_CACHE", dir.resolve("cache").toString());
        write("modprobe.d/m.toml", "[[modules]]\nname = \"quick\"\n[[modules]]\nname = \"slow\"\n");
        Path f = write("t.toml", "[setup]\nload = [\"quick\", \"slow\"]\n");
        String sim = sim("[latency]\ndefault = 0\nslow = 60\n");
        assertEquals(List.of("load quick", "load slow"), lines(run("run", sim, "-j", "1", "--dry-run", f.toString()).out()));
        assertEquals(0, run("run", sim, "-j", "1", f.toString()).exit());
        // a cached plan keeps its order; measured durations count whenever a plan is made
        assertEquals(List.of("load slow", "load quick"),
                lines(run("run", sim, "-j", "1", "--dry-run", "--no-cache", f.toString()).out()),
                "the longer task goes first once its duration is known");
    }

    // --- what a run says ---

    @Test
    void rc1OnTheDefaultSimulatedBrokerSaysWhatItDid() {
        CliRun r = CliRun.run(List.of("rc1"), Map.of("FLUX_MODPROBE_PATH", dir.toString(), "PATH", env.get("PATH")));
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.err().matches("flux-modprobe: rc1 on the simulated broker \\(rank 0\\): loaded 13 modules, ran 5 tasks "
                + "in \\d+ ms; state not kept \\(use --broker=sim:FILE\\)\n"), r.describe());
    }

    @Test
    void aSimFileOrADryRunPrintsNoSummary() throws IOException {
        CliRun r = run("rc1", sim(""));
        assertEquals("", r.err(), r.describe());
        r = run("rc1", "--dry-run");
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void loadAndRemoveWorkAgainstTheSimState() throws IOException {
        String sim = sim("");
        CliRun r = run("load", sim, "kvs");
        assertEquals(0, r.exit(), r.describe());
        assertEquals(List.of("content", "heartbeat", "content-sqlite", "kvs").stream().sorted().toList(),
                org.fluxmp.boot.broker.SimState.read(dir.resolve("state.json")).stream().sorted().toList());
        r = run("remove", sim, "kvs");
        assertEquals(0, r.exit(), r.describe());
        assertEquals(List.of(), org.fluxmp.boot.broker.SimState.read(dir.resolve("state.json")));
    }
}
