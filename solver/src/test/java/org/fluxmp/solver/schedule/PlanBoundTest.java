package org.fluxmp.solver.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plan's lower bound: partition bounds per level, never above what a priority order achieves. */
class PlanBoundTest {
    @Test
    void aLevelAddsWhatMustRunBeforeAndAfterIt() {
        // a, then b, c, d (10 ms each) after a, then e after all three; two workers: two of b, c, d
        // share a worker between a and e, so 10 + 20 + 10, where the critical path and the work give 30
        Map<String, List<String>> preds = new LinkedHashMap<>();
        preds.put("a", List.of());
        preds.put("b", List.of("a"));
        preds.put("c", List.of("a"));
        preds.put("d", List.of("a"));
        preds.put("e", List.of("b", "c", "d"));
        TaskGraph g = TaskGraph.of(preds, t -> 10);
        assertEquals(30, g.lowerBound(2));
        assertEquals(40, PlanBound.of(g, 2));
        assertEquals(40, BruteForce.bestListMakespan(g, 2));
    }

    @Test
    void neverAboveTheBestOfAllPriorityOrders() {
        Random r = new Random(22);
        for (int k = 0; k < 200; k++) {
            TaskGraph g = RandomPlans.any(r, 1 + r.nextInt(7));
            int w = 1 + r.nextInt(3);
            assertTrue(PlanBound.of(g, w) <= BruteForce.bestListMakespan(g, w), "plan " + k);
        }
    }

    @Test
    void atLeastTheCriticalPathAndTheWorkPerWorker() {
        Random r = new Random(23);
        for (int k = 0; k < 100; k++) {
            TaskGraph g = RandomPlans.any(r, 1 + r.nextInt(30));
            int w = 1 + r.nextInt(8);
            assertTrue(PlanBound.of(g, w) >= g.lowerBound(w), "plan " + k);
        }
    }
}
