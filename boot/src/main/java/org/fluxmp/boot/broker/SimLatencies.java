package org.fluxmp.boot.broker;

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

    static final Map<String, Long> LOAD_MS = Map.ofEntries(
            Map.entry("content", 5L),
            Map.entry("heartbeat", 3L),
            Map.entry("cron", 4L),
            Map.entry("content-sqlite", 3L),
            Map.entry("kvs", 1L),
            Map.entry("kvs-watch", 2L),
            Map.entry("resource", 14L),
            Map.entry("job-manager", 2L),
            Map.entry("job-info", 2L),
            Map.entry("job-list", 3L),
            Map.entry("job-ingest", 3L),
            Map.entry("job-exec", 3L),
            Map.entry("sched-simple", 101L));

    static final Map<String, Long> REMOVE_MS = Map.ofEntries(
            Map.entry("job-info", 1L),
            Map.entry("job-list", 1L),
            Map.entry("sched-simple", 1L),
            Map.entry("cron", 1L),
            Map.entry("heartbeat", 1L),
            Map.entry("job-exec", 4L),
            Map.entry("job-ingest", 3L),
            Map.entry("job-manager", 2L),
            Map.entry("resource", 1L),
            Map.entry("kvs-watch", 4L),
            Map.entry("kvs", 4L),
            Map.entry("content-sqlite", 4L),
            Map.entry("content", 1L));
}
