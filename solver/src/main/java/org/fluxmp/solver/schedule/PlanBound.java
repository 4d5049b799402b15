package org.fluxmp.solver.schedule;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The lower bound a schedule is measured against (and proven optimal by when it meets it): for a
 * level of the plan, the tasks that cannot start before r and that still need q ms once they end,
 * no schedule is shorter than r + q + the {@link PartitionBound} of their durations. Level (0, 0)
 * gives max(longest task, total work / W) and the pigeonhole bounds of the whole plan; the level of
 * a critical task gives the critical path. The bound holds for every schedule, so also for the
 * list schedules the runner makes.
 */
final class PlanBound {
    /** Plans up to this size get every pair of levels (r, q); larger ones r and q apart. */
    static final int PAIRED_LEVELS = 64;
    /** Plans above this size get only level (0, 0) and the critical path. */
    static final int LEVELS = 400;

    private PlanBound() {}

    static long of(TaskGraph g, int workers) {
        int n = g.size();
        TreeSet<Long> heads = new TreeSet<>(java.util.List.of(0L));
        TreeSet<Long> tails = new TreeSet<>(java.util.List.of(0L));
        if (n <= LEVELS) {
            for (int i = 0; i < n; i++) {
                heads.add(g.head(i));
                tails.add(g.tail(i) - g.duration(i));
            }
        }
        long[] durations = new long[n];
        long bound = g.criticalPathLength();
        for (long r : heads) {
            for (long q : tails) {
                if (n > PAIRED_LEVELS && r > 0 && q > 0) {
                    continue;
                }
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (g.head(i) >= r && g.tail(i) - g.duration(i) >= q) {
                        durations[count++] = -g.duration(i);
                    }
                }
                if (count == 0) {
                    continue; // no task lies in this level: it bounds nothing
                }
                Arrays.sort(durations, 0, count);
                for (int i = 0; i < count; i++) {
                    durations[i] = -durations[i];
                }
                bound = Math.max(bound, r + q + PartitionBound.of(durations, count, workers));
            }
        }
        return bound;
    }
}
