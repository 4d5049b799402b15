package org.fluxmp.solver.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The P||Cmax bounds: each one on a case where it is the best, and none above the optimum. */
class PartitionBoundTest {
    @Test
    void theWorkOverTheWorkers() {
        assertEquals(10, PartitionBound.of(new long[] {6, 5, 5, 4}, 4, 2));
    }

    @Test
    void theLongestTask() {
        assertEquals(30, PartitionBound.of(new long[] {30, 1, 1}, 3, 2));
    }

    @Test
    void ofTheWPlusOneLongestTasksTwoShareAWorker() {
        // three of 10 on two workers: 20, where the work gives 15
        assertEquals(20, PartitionBound.of(new long[] {10, 10, 10}, 3, 2));
    }

    @Test
    void crowdedWorkersRunTheShortestTasksTheyMustHold() {
        // 12, 10, 7, 6, 6 on three workers: work 14, pigeonhole 13; one worker with three tasks runs
        // at least 19, two with two each share at least 29: 15 (the optimum is 16)
        assertEquals(15, PartitionBound.of(new long[] {12, 10, 7, 6, 6}, 5, 3));
    }

    @Test
    void onlyTheFirstCountDurationsCount() {
        assertEquals(10, PartitionBound.of(new long[] {10, 10, 10}, 2, 2));
    }

    @Test
    void neverAboveTheLeastMakespanOfAnyAssignment() {
        Random r = new Random(21);
        for (int k = 0; k < 300; k++) {
            int n = 1 + r.nextInt(7);
            int w = 2 + r.nextInt(2);
            long[] d = new long[n];
            for (int i = 0; i < n; i++) {
                d[i] = 5 + r.nextInt(8);
            }
            Arrays.sort(d);
            for (int i = 0; i < n / 2; i++) {
                long x = d[i];
                d[i] = d[n - 1 - i];
                d[n - 1 - i] = x;
            }
            long bound = PartitionBound.of(d, n, w);
            assertTrue(bound <= BruteForce.bestAssignment(d, w), Arrays.toString(d) + " on " + w);
        }
    }
}
