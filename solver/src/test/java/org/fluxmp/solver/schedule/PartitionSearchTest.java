package org.fluxmp.solver.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact P||Cmax: the least makespan of the plan's tasks, orderings left out. */
class PartitionSearchTest {
    static final long NO_DEADLINE = Long.MAX_VALUE;

    @Test
    void findsThePerfectPartition() {
        // 3, 3, 2, 2, 2 on two workers: {3, 3} and {2, 2, 2}
        TaskGraph g = RandomPlans.independent(5, 3, 3, 2, 2, 2);
        PartitionSearch.Result p = PartitionSearch.search(g, 2, 7, 6, NO_DEADLINE);
        assertEquals(6, p.lower());
        assertNotNull(p.worker());
        assertEquals(6, ListScheduling.replay(g, 2, p.order(g)).makespan());
    }

    @Test
    void provesTheLeastMakespanOfAllAssignments() {
        Random r = new Random(24);
        for (int k = 0; k < 100; k++) {
            TaskGraph g = RandomPlans.unordered(r, 1 + r.nextInt(8));
            int w = 2 + r.nextInt(2);
            long[] d = new long[g.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = g.duration(i);
            }
            long best = BruteForce.bestAssignment(d, w);
            PartitionSearch.Result p = PartitionSearch.search(g, w, Long.MAX_VALUE / 4, g.lowerBound(w), NO_DEADLINE);
            assertEquals(best, p.lower(), "plan " + k);
            assertEquals(best, maxLoad(g, w, p.worker()), "plan " + k + ": its partition");
        }
    }

    @Test
    void nothingBelowTheUpperBoundIsProvenByReachingIt() {
        // 3, 3, 2, 2, 2 on two workers cannot do better than 6
        PartitionSearch.Result p = PartitionSearch.search(RandomPlans.independent(5, 3, 3, 2, 2, 2), 2, 6, 5, NO_DEADLINE);
        assertEquals(6, p.lower());
        assertNull(p.worker());
    }

    @Test
    void tasksPackOnLoadedWorkersOnlyIfTheyFitUnderTheCapacity() {
        // workers loaded 5 and 0, capacity 10: 5, 5, 5 fit (5 + 5 and 5 + 5); 6, 5, 5 do not
        assertTrue(PartitionSearch.mayFit(new long[] {5, 5, 5}, 3, new long[] {5, 0}, 10, Long.MAX_VALUE));
        assertFalse(PartitionSearch.mayFit(new long[] {6, 5, 5}, 3, new long[] {5, 0}, 10, Long.MAX_VALUE));
    }

    @Test
    void aPackingSearchOutOfNodesDoesNotRuleOut() {
        assertTrue(PartitionSearch.mayFit(new long[] {6, 5, 5}, 3, new long[] {5, 0}, 10, 0));
    }

    private static long maxLoad(TaskGraph g, int w, int[] worker) {
        long[] load = new long[w];
        for (int i = 0; i < worker.length; i++) {
            load[worker[i]] += g.duration(i);
        }
        return java.util.Arrays.stream(load).max().orElse(0);
    }
}
