package org.fluxmp.boot.broker;

import java.util.HashMap;
import java.util.Map;

/**
 * How long the simulated broker takes, in ms, when its file does not say: measured on a real
 * flux-core broker (flux-samples, 2 cores, see docs/sim-broker.md for the derivation).
 *
 * <ul>
 *   <li>Loads: the median of each module's duration in the four real rc1 timing lists
 *       ({@code modprobe-stats-rc1.json} and {@code size1/modprobe-stats-rc1-run1..3.json}),
 *       rounded to whole ms (at least 1). A load is measured from the request to its response,
 *       so it includes the module's start-up (sched-simple runs as a Python process: ~100 ms).
 *   <li>Default load: the median of all 13 modules' medians (3 ms), for modules that were not measured.
 *   <li>Removes: from the broker's own log ({@code size1/broker-log.txt}), {@code rmmod X} to
 *       {@code module X exited}, rounded up to whole ms; default 1 ms.
 *   <li>RPCs: the median of {@code push-cleanup} (one {@code runat.push} RPC), 2 ms.
 * </ul>
 */
public final class SimLatencies {
    private SimLatencies() {}

    static final long DEFAULT_LOAD_MS = 3;
    static final long DEFAULT_REMOVE_MS = 1;
    static final long DEFAULT_RPC_MS = 2;

    /** Module, load ms, remove ms: one measured module a line, one space apart. */
    private static final String MEASURED = """
            content 5 1
            heartbeat 3 1
            cron 4 1
            content-sqlite 3 4
            kvs 1 4
            kvs-watch 2 4
            resource 14 1
            job-manager 2 2
            job-info 2 1
            job-list 3 1
            job-ingest 3 3
            job-exec 3 4
            sched-simple 101 1
            """;

    static final Map<String, Long> LOAD_MS = column(1);
    static final Map<String, Long> REMOVE_MS = column(2);

    /** Module -> the Nth number of its line of {@link #MEASURED}. */
    private static Map<String, Long> column(int n) {
        Map<String, Long> out = new HashMap<>();
        for (String line : MEASURED.split("\n")) {
            String[] f = line.split(" ");
            out.put(f[0], Long.parseLong(f[n]));
        }
        return Map.copyOf(out);
    }
}
