package org.fluxmp.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * A topological order of the ordering graph in which, among ready tasks, the one with the longest
 * remaining path (its duration plus its longest chain of successors) goes first. The order is the
 * runner's priority order.
 */
public final class ListScheduler {
    private ListScheduler() {}

    /** PREDS must be acyclic; DURATION estimates each task. */
    public static List<String> order(Map<String, Set<String>> preds, ToLongFunction<String> duration) {
        Map<String, List<String>> succs = new HashMap<>();
        Map<String, Integer> indeg = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        int pos = 0;
        for (Map.Entry<String, Set<String>> e : preds.entrySet()) {
            position.put(e.getKey(), pos++);
            indeg.put(e.getKey(), 0);
        }
        for (Map.Entry<String, Set<String>> e : preds.entrySet()) {
            for (String p : e.getValue()) {
                if (preds.containsKey(p)) {
                    succs.computeIfAbsent(p, k -> new ArrayList<>()).add(e.getKey());
                    indeg.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        // longest remaining path, computed in reverse topological order
        List<String> topo = kahn(preds.keySet(), succs, new HashMap<>(indeg), position);
        Map<String, Long> tail = new HashMap<>();
        for (int i = topo.size() - 1; i >= 0; i--) {
            String t = topo.get(i);
            long best = 0;
            for (String s : succs.getOrDefault(t, List.of())) {
                best = Math.max(best, tail.get(s));
            }
            tail.put(t, best + duration.applyAsLong(t));
        }
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> {
            int c = Long.compare(tail.get(b), tail.get(a));
            return c != 0 ? c : Integer.compare(position.get(a), position.get(b));
        });
        Map<String, Integer> left = new HashMap<>(indeg);
        for (String t : preds.keySet()) {
            if (left.get(t) == 0) {
                ready.add(t);
            }
        }
        List<String> out = new ArrayList<>(preds.size());
        while (!ready.isEmpty()) {
            String t = ready.poll();
            out.add(t);
            for (String s : succs.getOrDefault(t, List.of())) {
                if (left.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        return out;
    }

    private static List<String> kahn(Set<String> nodes, Map<String, List<String>> succs, Map<String, Integer> indeg,
            Map<String, Integer> position) {
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(position.get(a), position.get(b)));
        for (String t : nodes) {
            if (indeg.get(t) == 0) {
                ready.add(t);
            }
        }
        List<String> out = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            String t = ready.poll();
            out.add(t);
            for (String s : succs.getOrDefault(t, List.of())) {
                if (indeg.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        return out;
    }
}
