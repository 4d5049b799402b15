package org.fluxmp.solver.schedule;

/**
 * Lower bounds of P||Cmax, the makespan of independent tasks on W identical workers: the work
 * over W, the longest task, and two counting bounds. With more than kW tasks, (pigeonhole) of the
 * kW + 1 longest some worker gets k + 1, so it runs at least the k + 1 shortest of them; and
 * (crowded workers) if x workers get more than k tasks each, the others hold at most k each, so
 * those x run at least max(n - (W - x)k, x(k + 1)) tasks, at least the sum of that many shortest
 * ones, and one of them a share 1/x of it; whatever x is.
 */
final class PartitionBound {
    private PartitionBound() {}

    /** The best of these bounds for the first COUNT durations of DESCENDING (longest first) on W workers. */
    static long of(long[] descending, int count, int workers) {
        if (count == 0) {
            return 0;
        }
        // shortest[m]: the sum of the m shortest durations
        long[] shortest = new long[count + 1];
        for (int m = 1; m <= count; m++) {
            shortest[m] = shortest[m - 1] + descending[count - m];
        }
        long bound = Math.max(descending[0], (shortest[count] + workers - 1) / workers);
        for (int k = 1; k * workers < count; k++) {
            long sum = 0;
            for (int i = k * workers - k; i <= k * workers; i++) {
                sum += descending[i];
            }
            long crowded = Long.MAX_VALUE;
            for (int x = 1; x <= workers; x++) {
                int held = Math.max(count - (workers - x) * k, x * (k + 1));
                if (held <= count) {
                    crowded = Math.min(crowded, (shortest[held] + x - 1) / x);
                }
            }
            bound = Math.max(bound, Math.max(sum, crowded));
        }
        return bound;
    }
}
