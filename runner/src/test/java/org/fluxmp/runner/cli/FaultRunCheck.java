package org.fluxmp.runner.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The invariants of a fault run, read from the sim log, the sim state and the exit status; each
 * broken one is added to the violations as a sentence.
 */
final class FaultRunCheck {
    private final Fault fault;
    private final List<String> violations;

    FaultRunCheck(Fault fault, List<String> violations) {
        this.fault = fault;
        this.violations = violations;
    }

    private void expect(boolean holds, String violation) {
        if (!holds) {
            violations.add(violation);
        }
    }

    /**
     * rc1: its exit status is what happened (143 only if SIGTERM came, 1 only if a load failed or
     * timed out, 0 only if neither and every load succeeded), nothing started after the tool
     * learned of a failure (read from -v's lines, which the run's one scheduling thread prints in the
     * order it starts tasks and learns of their ends: exact, whatever the timing), never more than W
     * loads at once.
     */
    void rc1(CliRun r, List<Map<?, ?>> log, boolean sigtermDelivered) {
        List<Map<?, ?>> loads = action(log, "load");
        List<Map<?, ?>> failed = loads.stream().filter(m -> m.containsKey("error")).toList();
        boolean timedOut = r.err().contains("timed out after");
        switch (r.exit()) {
            case 0 -> expect(failed.isEmpty() && !timedOut && !r.err().contains("ERROR"),
                    "rc1 exited 0 though a load failed or timed out: " + r.describe());
            case 1 -> expect(!failed.isEmpty() || timedOut, "rc1 exited 1 with no failure to show for it: " + r.describe());
            case 143 -> expect(sigtermDelivered, "rc1 exited 143 without a SIGTERM: " + r.describe());
            default -> violations.add("rc1 exited " + r.exit() + ": " + r.describe());
        }
        List<String> lines = List.of(r.err().split("\n"));
        int firstFailure = -1;
        for (int i = 0; i < lines.size() && firstFailure < 0; i++) {
            String line = lines.get(i);
            boolean loadFailed = failed.stream().anyMatch(m -> line.startsWith(m.get("name") + ": "));
            if (loadFailed || line.contains(": timed out after ")) {
                firstFailure = i;
            }
        }
        if (firstFailure >= 0) {
            for (String line : lines.subList(firstFailure, lines.size())) {
                expect(!line.startsWith("start "), "rc1 " + line.split(" \\(")[0] + " after " + lines.get(firstFailure));
            }
        }
        if (!failed.isEmpty()) {
            for (Map<?, ?> m : failed) {
                expect(r.err().contains(m.get("name") + ": "), "rc1 did not report the failed load of " + m.get("name"));
            }
        }
        for (String m : fault.timedOut()) {
            boolean started = loads.stream().anyMatch(l -> m.equals(l.get("name")));
            expect(!started || r.exit() != 0, "rc1 exited 0 though " + m + " outlasted its timeout");
        }
        expect(maxInFlight(loads) <= fault.workers(),
                "rc1 had " + maxInFlight(loads) + " loads in flight with -j " + fault.workers());
    }

    /**
     * rc3 after any rc1: exit 0, every module loaded is removed (none left in the sim state),
     * content-backing is removed only after content-flush ended, never more than W at once.
     */
    void rc3(CliRun r, List<Map<?, ?>> log, List<String> stillLoaded) {
        expect(r.exit() == 0, "rc3 failed: " + r.describe());
        expect(stillLoaded.isEmpty() || r.err().contains("ERROR"),
                "rc3 left " + stillLoaded + " loaded and said nothing: " + r.describe());
        List<Map<?, ?>> removes = action(log, "remove");
        List<Map<?, ?>> flushes = action(log, "rpc").stream().filter(m -> "content.flush".equals(m.get("topic"))).toList();
        for (Map<?, ?> m : removes) {
            if ("content-sqlite".equals(m.get("name"))) {
                expect(flushes.size() == 1, "rc3 removed content-sqlite with " + flushes.size() + " content.flush RPCs");
                for (Map<?, ?> flush : flushes) {
                    expect(time(flush, "end").compareTo(time(m, "start")) <= 0,
                            "rc3 removed content-sqlite before content-flush ended");
                }
            }
        }
        expect(maxInFlight(removes) <= fault.workers(),
                "rc3 had " + maxInFlight(removes) + " removes in flight with -j " + fault.workers());
    }

    /** No process started by the run is still there (a second's grace for the kernel to reap). */
    void noProcessLeftBehind(String what) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (ProcessHandle.current().descendants().findAny().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        List<String> left = new ArrayList<>();
        ProcessHandle.current().descendants().forEach(p -> left.add(p.pid() + " " + p.info().commandLine().orElse("?")));
        expect(left.isEmpty(), what + " left processes behind: " + left);
    }

    static List<Map<?, ?>> action(List<Map<?, ?>> log, String action) {
        return log.stream().filter(m -> action.equals(m.get("action"))).toList();
    }

    static BigDecimal time(Map<?, ?> m, String key) {
        return new BigDecimal(m.get(key).toString());
    }

    /** The most entries whose [start, end) overlap at one moment. */
    static int maxInFlight(List<Map<?, ?>> entries) {
        int max = 0;
        for (Map<?, ?> a : entries) {
            BigDecimal t = time(a, "start");
            int n = 0;
            for (Map<?, ?> b : entries) {
                if (time(b, "start").compareTo(t) <= 0 && time(b, "end").compareTo(t) > 0) {
                    n++;
                }
            }
            max = Math.max(max, n);
        }
        return max;
    }
}
