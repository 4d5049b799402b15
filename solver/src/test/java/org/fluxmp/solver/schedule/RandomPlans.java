package org.fluxmp.solver.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random task graphs for schedule tests, from fixed seeds, durations 1-100 ms: layered (tasks
 * spread over a few layers, each after one to three tasks of earlier layers), sparse (a task in
 * four after one earlier task) and unordered (no task waits for another).
 */
final class RandomPlans {
    private RandomPlans() {}

    /** Layered, sparse or unordered, at random. */
    static TaskGraph any(Random r, int n) {
        return switch (r.nextInt(3)) {
            case 0 -> unordered(r, n);
            case 1 -> sparse(r, n);
            default -> layered(r, n);
        };
    }

    static TaskGraph unordered(Random r, int n) {
        Map<String, List<String>> preds = new LinkedHashMap<>();
        Map<String, Long> ms = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            preds.put("t" + i, List.of());
            ms.put("t" + i, 1L + r.nextInt(100));
        }
        return TaskGraph.of(preds, ms::get);
    }

    static TaskGraph sparse(Random r, int n) {
        Map<String, List<String>> preds = new LinkedHashMap<>();
        Map<String, Long> ms = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            preds.put("t" + i, i > 0 && r.nextInt(4) == 0 ? List.of("t" + r.nextInt(i)) : List.of());
            ms.put("t" + i, 1L + r.nextInt(100));
        }
        return TaskGraph.of(preds, ms::get);
    }

    static TaskGraph layered(Random r, int n) {
        Map<String, List<String>> preds = new LinkedHashMap<>();
        int layers = 2 + r.nextInt(Math.max(1, n / 3));
        List<List<String>> byLayer = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            byLayer.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byLayer.get(i < layers ? i : r.nextInt(layers)).add("t" + i);
        }
        for (int l = 0; l < layers; l++) {
            for (String t : byLayer.get(l)) {
                List<String> ps = new ArrayList<>();
                for (int k = l == 0 ? 0 : 1 + r.nextInt(3); k > 0; k--) {
                    List<String> earlier = byLayer.get(r.nextInt(l));
                    String p = earlier.get(r.nextInt(earlier.size()));
                    if (!ps.contains(p)) {
                        ps.add(p);
                    }
                }
                preds.put(t, ps);
            }
        }
        Map<String, Long> ms = new LinkedHashMap<>();
        for (String t : preds.keySet()) {
            ms.put(t, 1L + r.nextInt(100));
        }
        return TaskGraph.of(preds, ms::get);
    }

    /** N tasks without any order between them, durations from DURATIONS in turn. */
    static TaskGraph independent(int n, long... durations) {
        Map<String, List<String>> preds = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            preds.put("t" + i, List.of());
        }
        return TaskGraph.of(preds, t -> durations[Integer.parseInt(t.substring(1)) % durations.length]);
    }
}
