package org.fluxmp.runner.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain of rows that decided when the run ended: from the last row to end, back through the
 * predecessor that finished last before each one started.
 *
 * <p>With the plan's precedence ({@code --show-deps}) a row's candidates are its predecessors
 * (rows without any fall back to the planner's phases); without it, every row that ended by the
 * time this one started (within {@link #SLACK_S}): the start/end chaining a person would do by eye.
 */
public final class CriticalPath {
    /** Timing lists are measured: a successor may appear to start a little before its predecessor ends. */
    static final double SLACK_S = 0.0005;

    private CriticalPath() {}

    /** Names on the critical path, first to last. DEPS may be null. */
    public static List<String> of(List<Bar> bars, Map<String, List<String>> deps) {
        if (bars.isEmpty()) {
            return List.of();
        }
        Map<String, Bar> byName = new HashMap<>();
        for (Bar b : bars) {
            byName.put(b.name(), b);
        }
        Bar last = bars.get(0);
        for (Bar b : bars) {
            if (b.end() > last.end()) {
                last = b;
            }
        }
        List<String> path = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Bar cur = last; cur != null && seen.add(cur.name()); ) {
            path.add(cur.name());
            cur = gate(cur, bars, byName, deps);
        }
        Collections.reverse(path);
        return path;
    }

    private static Bar gate(Bar cur, List<Bar> bars, Map<String, Bar> byName, Map<String, List<String>> deps) {
        List<Bar> candidates = new ArrayList<>();
        if (deps != null && cur.kind() != Bar.Kind.PLANNER && deps.containsKey(cur.name())) {
            for (String p : deps.get(cur.name())) {
                Bar b = byName.get(p);
                if (b != null && b != cur) {
                    candidates.add(b);
                }
            }
            if (candidates.isEmpty()) {
                for (Bar b : bars) {
                    if (b.kind() == Bar.Kind.PLANNER) {
                        candidates.add(b);
                    }
                }
            }
        } else {
            candidates.addAll(bars);
        }
        Bar best = null;
        for (Bar b : candidates) {
            if (b != cur && b.end() <= cur.start() + SLACK_S && b.start() < cur.start()
                    && (best == null || b.end() > best.end())) {
                best = b;
            }
        }
        return best;
    }
}
