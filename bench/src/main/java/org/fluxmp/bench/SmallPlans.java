package org.fluxmp.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fluxmp.solver.schedule.TaskGraph;

/** Random layered plans of a few tasks, as the issue measured them: each task after one to three earlier ones. */
final class SmallPlans {
    private SmallPlans() {}

    /** N tasks with no order between them. */
    static TaskGraph independent(Random r, int n) {
        Map<String, List<String>> preds = new LinkedHashMap<>();
        Map<String, Long> ms = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            preds.put("t" + i, List.of());
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
}
