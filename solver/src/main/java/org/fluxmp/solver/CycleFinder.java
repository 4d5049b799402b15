package org.fluxmp.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a cycle in a precedence graph (node -> predecessors) in linear time with an iterative
 * depth-first search, so that 10,000-task graphs cannot overflow the stack.
 */
public final class CycleFinder {
    private CycleFinder() {}

    /** A cycle as its node names in order, first node repeated at the end (a -> b -> a); empty if none. */
    public static Optional<List<String>> find(Map<String, ? extends Collection<String>> graph) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
        for (String start : graph.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            List<String> stack = new ArrayList<>();
            List<java.util.Iterator<? extends String>> its = new ArrayList<>();
            stack.add(start);
            its.add(graph.get(start).iterator());
            state.put(start, 1);
            while (!stack.isEmpty()) {
                java.util.Iterator<? extends String> it = its.get(its.size() - 1);
                if (it.hasNext()) {
                    String next = it.next();
                    if (!graph.containsKey(next)) {
                        continue;
                    }
                    Integer s = state.get(next);
                    if (s == null) {
                        state.put(next, 1);
                        stack.add(next);
                        its.add(graph.get(next).iterator());
                    } else if (s == 1) {
                        // the stack from NEXT to the top is a path along "waits for" edges: print it in run order
                        List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(next), stack.size()));
                        java.util.Collections.reverse(cycle);
                        cycle.add(0, next);
                        return Optional.of(cycle);
                    }
                } else {
                    state.put(stack.remove(stack.size() - 1), 2);
                    its.remove(its.size() - 1);
                }
            }
        }
        return Optional.empty();
    }
}
