package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults of one fault run of rc1 then rc3 on the simulated broker, drawn from a seed: load
 * latencies, modules whose load fails, modules whose load outlasts a timeout, a worker limit, and
 * when (if at all) SIGTERM comes during rc1.
 *
 * @param seed the run's seed (printed with any violation, so the run can be repeated)
 * @param latencyMs each module's load time
 * @param failing modules whose load fails with an error
 * @param timedOut modules given a timeout shorter than their load time
 * @param workers -j
 * @param sigtermAfterMs when SIGTERM comes after rc1 starts running, or -1 for none
 */
record Fault(long seed, Map<String, Integer> latencyMs, List<String> failing, List<String> timedOut, int workers,
        int sigtermAfterMs) {

    static final int TIMEOUT_MS = 2;
    static final int TIMED_OUT_LATENCY_MS = 40;

    static Fault draw(long seed, List<String> modules) {
        Random r = new Random(seed);
        Map<String, Integer> latency = new LinkedHashMap<>();
        List<String> failing = new ArrayList<>();
        List<String> timedOut = new ArrayList<>();
        for (String m : modules) {
            int p = r.nextInt(100);
            if (p < 4) {
                failing.add(m);
                latency.put(m, r.nextInt(4));
            } else if (p < 7) {
                timedOut.add(m);
                latency.put(m, TIMED_OUT_LATENCY_MS);
            } else {
                latency.put(m, r.nextInt(4));
            }
        }
        int sigterm = r.nextInt(100) < 25 ? r.nextInt(25) : -1;
        return new Fault(seed, latency, failing, timedOut, 1 + r.nextInt(6), sigterm);
    }

    /** The sim file's text: this run's latencies and failures, logging to LOG, state in STATE. */
    String simFile(String log, String state, boolean withFailures) {
        StringBuilder s = new StringBuilder("log = \"" + log + "\"\nstate = \"" + state + "\"\n");
        s.append("[attrs]\n\"content.backing-module\" = \"content-sqlite\"\n");
        s.append("[latency]\ndefault = 0\n");
        for (Map.Entry<String, Integer> e : latencyMs.entrySet()) {
            s.append('"').append(e.getKey()).append("\" = ").append(e.getValue()).append('\n');
        }
        s.append("[remove-latency]\ndefault = 0\n");
        if (withFailures && !failing.isEmpty()) {
            s.append("[fail]\n");
            for (String m : failing) {
                s.append('"').append(m).append("\" = \"error loading module ").append(m).append(": Invalid argument\"\n");
            }
        }
        return s.toString();
    }

    /** The modprobe.d drop-in that gives the timed-out modules their short timeout. */
    String timeouts() {
        StringBuilder s = new StringBuilder();
        for (String m : timedOut) {
            s.append('"').append(m).append("\".timeout = \"").append(TIMEOUT_MS).append("ms\"\n");
        }
        return s.toString();
    }

    /** What was injected, for a violation's message. */
    String describe() {
        return "seed " + seed + ": -j " + workers + ", failing " + failing + ", timed out " + timedOut + ", SIGTERM "
                + (sigtermAfterMs < 0 ? "none" : "after " + sigtermAfterMs + " ms");
    }
}
