package org.fluxmp.solver.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The local search over priority orders: no worse than where it starts, and a list schedule of its start order. */
class OrderSwapsTest {
    @Test
    void neverWorseThanWhereItStartsAndReproducedFromItsStartOrder() {
        Random r = new Random(28);
        for (int k = 0; k < 60; k++) {
            TaskGraph g = RandomPlans.any(r, 1 + r.nextInt(30));
            int w = 2 + r.nextInt(4);
            Timetable start = ListScheduling.longestPath(g, w);
            Timetable t = OrderSwaps.improve(g, w, start, 0, new Random(k), Long.MAX_VALUE, 2_000);
            assertTrue(t.makespan() <= start.makespan(), "plan " + k);
            int[] order = java.util.Arrays.stream(t.startOrder()).mapToInt(Integer::intValue).toArray();
            assertEquals(t, ListScheduling.replay(g, w, order), "plan " + k);
        }
    }

    @Test
    void findsThePackingListSchedulingMisses() {
        // 3, 3, 2, 2, 2 on two workers: longest path gets 7; some order gets 6
        TaskGraph g = RandomPlans.independent(5, 3, 3, 2, 2, 2);
        Timetable t = OrderSwaps.improve(g, 2, ListScheduling.longestPath(g, 2), 6, new Random(1), Long.MAX_VALUE, 10_000);
        assertEquals(6, t.makespan());
    }
}
