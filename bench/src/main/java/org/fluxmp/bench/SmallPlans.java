package org.fluxmp.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fluxmp.solver.schedule.TaskGraph;

/**
 * Random plans of a few tasks, durations drawn uniformly from a range: tasks with no order
 * between them, tasks with a few orderings, and layered plans (each task after one to three
 * tasks of earlier layers), as the issues measured them.
 */
final class SmallPlans {
    /** Durations from MIN to MAX ms, both included. */
    record Durations(int min, int max) {
        long draw(Random r) {
            return min + r.nextInt(max - min + 1);
        }
    }

    /** What issue 4 measured with. */
    static final Durations ISSUE_4 = new Durations(1, 100);

    private SmallPlans() {}

    /** N tasks with no order between them. */
    static TaskGraph independent(Random r, int n, Durations d) {
        Map<String, List<String>> preds = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            preds.put("t" + i, new ArrayList<>());
        }
        return withDurations(r, preds, d);
    }

    /** N tasks and about N / 4 orderings, each task after one earlier task at random. */
    static TaskGraph sparse(Random r, int n, Durations d) {
        Map<String, List<String>> preds = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            preds.put("t" + i, new ArrayList<>());
        }
        for (int e = 0; e < Math.max(1, n / 4); e++) {
            int later = 1 + r.nextInt(n - 1);
            String earlier = "t" + r.nextInt(later);
            List<String> ps = preds.get("t" + later);
            if (!ps.contains(earlier)) {
                ps.add(earlier);
            }
        }
        return withDurations(r, preds, d);
    }

    static TaskGraph layered(Random r, int n, Durations d) {
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
        return withDurations(r, preds, d);
    }

    private static TaskGraph withDurations(Random r, Map<String, List<String>> preds, Durations d) {
        Map<String, Long> ms = new LinkedHashMap<>();
        for (String t : preds.keySet()) {
            ms.put(t, d.draw(r));
        }
        return TaskGraph.of(preds, ms::get);
    }
}
