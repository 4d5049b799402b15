package org.fluxmp.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC 4.5: the run's units plus, transitively, the provider of every service they require, when
 * that provider is enabled and not skipped for its needs (a unit the closure alone brings in is not
 * checked for needs). Each added unit remembers who required it (for {@code explain}).
 */
public final class RequiresClosure {
    private RequiresClosure() {}

    /** Unit name -> why it is in the set ("" for the starting units), in discovery order. */
    public static Map<String, String> of(Decisions decisions, List<String> start) {
        Map<String, String> out = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String s : start) {
            if (out.putIfAbsent(s, "") == null) {
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            String name = queue.poll();
            Unit unit = decisions.table().unit(name).orElseThrow();
            for (String service : unit.getRequires()) {
                Optional<Unit> p = decisions.provider(service);
                if (p.isEmpty()) {
                    throw new org.fluxmp.boot.ConfigException(name + ": requires: no such task or module " + service);
                }
                String provider = p.get().getName();
                // a unit skipped for its needs (3) never comes back through the closure
                if (decisions.enabled(provider) && decisions.skippedNeed(provider).isEmpty()
                        && !out.containsKey(provider)) {
                    out.put(provider, "required by " + name
                            + (provider.equals(service) ? "" : " (as " + service + ")"));
                    queue.add(provider);
                }
            }
        }
        return out;
    }
}
