package org.fluxmp.solver.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact search over priority orders, on its own: exhausted, it finds the best of them all. */
class ListScheduleSearchTest {
    static final long NO_DEADLINE = Long.MAX_VALUE;
    static final long NO_INCUMBENT = Long.MAX_VALUE / 4;

    @Test
    void exhaustedItFindsTheBestOfAllPriorityOrders() {
        Random r = new Random(25);
        for (int k = 0; k < 80; k++) {
            TaskGraph g = RandomPlans.any(r, 1 + r.nextInt(8));
            int w = 2 + r.nextInt(2);
            ListScheduleSearch.Result s = ListScheduleSearch.search(g, w, NO_INCUMBENT, 0, new int[g.size()], NO_DEADLINE);
            assertTrue(s.complete());
            assertEquals(BruteForce.bestListMakespan(g, w), s.makespan(), "plan " + k);
        }
    }

    @Test
    void theRunnerReproducesItsMakespanFromItsOrder() {
        Random r = new Random(26);
        for (int k = 0; k < 80; k++) {
            TaskGraph g = RandomPlans.any(r, 1 + r.nextInt(14));
            int w = 2 + r.nextInt(3);
            ListScheduleSearch.Result s = ListScheduleSearch.search(g, w, NO_INCUMBENT, 0, new int[g.size()], NO_DEADLINE);
            assertEquals(s.makespan(), ListScheduling.replay(g, w, s.order()).makespan(), "plan " + k);
        }
    }

    @Test
    void provesAnOptimalIncumbentByFindingNothingBetter() {
        // 3, 3, 2, 2, 2 on two workers: no order does better than 6
        TaskGraph g = RandomPlans.independent(5, 3, 3, 2, 2, 2);
        ListScheduleSearch.Result s = ListScheduleSearch.search(g, 2, 6, 0, new int[5], NO_DEADLINE);
        assertTrue(s.complete());
        assertNull(s.order());
        assertEquals(6, s.makespan());
    }

    @Test
    void aPassedDeadlineLeavesTheSearchIncomplete() {
        // with no lower bound to stop at, 40 tasks take far more than the nodes between two looks at the clock
        TaskGraph g = RandomPlans.unordered(new Random(27), 40);
        ListScheduleSearch.Result s = ListScheduleSearch.search(g, 3, NO_INCUMBENT, 0, new int[40], 0);
        assertTrue(!s.complete());
    }
}
