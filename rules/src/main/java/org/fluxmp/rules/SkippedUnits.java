package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tasks and modules a run asked for that will not run, each with a one-line reason: not
 * enabled (ranks, conditions, disabled), or skipped because a need has no provider left (SPEC 4.3).
 */
public final class SkippedUnits {
    /** One unit left out of the run, and why. */
    public record Skip(String name, String reason) {}

    private SkippedUnits() {}

    /** Units of D's run that are not in IN_RUN, in load order; CONTEXT names the run (rc1, run FILE). */
    public static List<Skip> of(Decisions d, Collection<String> inRun, String context) {
        Set<String> running = new HashSet<>(inRun);
        List<Unit> left = new ArrayList<>();
        for (Unit u : d.table().units()) {
            String n = u.getName();
            if (!running.contains(n) && (d.active(n) || !d.droppedVia(n).isEmpty())) {
                left.add(u);
            }
        }
        left.sort(Comparator.comparingInt(Unit::getIndex));
        List<Skip> out = new ArrayList<>();
        for (Unit u : left) {
            String n = u.getName();
            if (!d.enabled(n)) {
                List<String> why = new ArrayList<>();
                for (Decisions.Reason r : d.blockedBy(n)) {
                    why.add(r.text());
                }
                out.add(new Skip(n, "not enabled: " + String.join("; ", why)));
            } else {
                d.skippedNeed(n).ifPresent(s -> out.add(new Skip(n, "needs " + s + ", and no provider of " + s
                        + " is left in " + context)));
            }
        }
        return out;
    }
}
