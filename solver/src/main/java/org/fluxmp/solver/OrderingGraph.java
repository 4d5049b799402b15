package org.fluxmp.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.rules.Unit;

/**
 * SPEC 4.6: task -> the tasks it waits for, from {@code after} and {@code before}, names resolved
 * through alternatives, names outside the set ignored, {@code *} as the original treats it.
 */
public final class OrderingGraph {
    private final Map<String, Set<String>> preds;

    private OrderingGraph(Map<String, Set<String>> preds) {
        this.preds = preds;
    }

    /**
     * UNITS are the run's units; RESOLVE maps a name (task, module or service) to the unit that
     * provides it, empty for an unknown name (an error). AFTER/BEFORE give each unit's lists (so
     * that removals can swap them).
     */
    public static OrderingGraph build(Collection<Unit> units, Function<String, Optional<String>> resolve,
            Function<Unit, List<String>> after, Function<Unit, List<String>> before) {
        Map<String, Set<String>> preds = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (Unit u : units) {
            names.add(u.getName());
            preds.put(u.getName(), new LinkedHashSet<>());
        }
        List<Unit> afterStar = new ArrayList<>();
        for (Unit u : units) {
            if (after.apply(u).contains("*")) {
                afterStar.add(u);
                continue;
            }
            for (String a : after.apply(u)) {
                String p = resolve(resolve, u, a);
                if (names.contains(p)) {
                    preds.get(u.getName()).add(p);
                }
            }
        }
        for (Unit u : afterStar) {
            for (Unit v : units) {
                if (!after.apply(v).contains("*")) {
                    preds.get(u.getName()).add(v.getName());
                }
            }
        }
        for (Unit u : units) {
            for (String b : before.apply(u)) {
                if (b.equals("*")) {
                    for (Unit v : units) {
                        if (v != u && !before.apply(v).contains("*")) {
                            preds.get(v.getName()).add(u.getName());
                        }
                    }
                    continue;
                }
                String s = resolve(resolve, u, b);
                if (names.contains(s)) {
                    preds.get(s).add(u.getName());
                }
            }
        }
        return new OrderingGraph(preds);
    }

    private static String resolve(Function<String, Optional<String>> resolve, Unit u, String name) {
        return resolve.apply(name).orElseThrow(() -> new ConfigException("no such task or module " + name));
    }

    /** Task -> predecessors, in the order tasks were given. */
    public Map<String, Set<String>> predecessors() {
        return preds;
    }

    /** A cycle in run order (a -> b -> a), if any. */
    public Optional<List<String>> cycle() {
        return CycleFinder.find(preds);
    }

    /** Throws {@code nodes are in a cycle: a -> b -> a} when the graph has a cycle. */
    public OrderingGraph requireAcyclic() {
        cycle().ifPresent(c -> {
            throw new ConfigException("nodes are in a cycle: " + String.join(" -> ", c));
        });
        return this;
    }
}
