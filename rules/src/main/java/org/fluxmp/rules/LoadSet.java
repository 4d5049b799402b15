package org.fluxmp.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fluxmp.boot.ConfigException;

/** What {@code load M...} loads (SPEC 4.9): the requires closure of M, modules not enabled included, minus loaded ones. */
public final class LoadSet {
    private LoadSet() {}

    /** The units to load for MODULES, in discovery order, given the LOADED modules. */
    public static List<String> of(Decisions d, List<String> modules, Set<String> loaded) {
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String m : modules) {
            Unit u = provider(d, m);
            if (!u.isModule()) {
                throw new ConfigException(m + " is not a module");
            }
            if (closure.add(u.getName())) {
                queue.add(u.getName());
            }
        }
        while (!queue.isEmpty()) {
            for (String r : d.table().unit(queue.poll()).orElseThrow().getRequires()) {
                Unit p = provider(d, r);
                if (closure.add(p.getName())) {
                    queue.add(p.getName());
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String n : closure) {
            if (!loaded.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static Unit provider(Decisions d, String name) {
        return d.provider(name).orElseThrow(() -> new ConfigException("no such task or module " + name));
    }
}
