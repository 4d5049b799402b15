package org.fluxmp.solver.schedule;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Exact P||Cmax by branch and bound: the least makespan of a plan's tasks on W identical workers
 * with their orderings left out, a lower bound for every schedule of the plan. Tasks are placed
 * longest first; a task never goes to a worker whose load equals that of a worker already tried
 * for it (identical workers are interchangeable), nor where it would reach the best makespan
 * found; a node is cut when the work left cannot fit under the best makespan found.
 */
final class PartitionSearch {
    /** MAKESPAN: the least makespan found (UPPER if none below it); WORKER: each task's worker then (null if none); COMPLETE: proven least. */
    record Result(long makespan, int[] worker, boolean complete) {
        /** A priority order for the partition: each worker's tasks longest first, all by when they would start. */
        int[] order(TaskGraph g) {
            int n = worker.length;
            long[] start = new long[n];
            Integer[] idx = new Integer[n];
            long[] at = new long[n];
            Integer[] byDuration = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
                byDuration[i] = i;
            }
            Arrays.sort(byDuration, Comparator.<Integer>comparingInt(i -> -g.duration(i)).thenComparingInt(i -> i));
            for (int i : byDuration) {
                start[i] = at[worker[i]];
                at[worker[i]] += g.duration(i);
            }
            Arrays.sort(idx, Comparator.<Integer>comparingLong(i -> start[i]).thenComparingInt(i -> worker[i]));
            return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
        }
    }

    private final int[] byDuration;
    private final long[] duration;
    private final long[] load;
    private final int[] assigned;
    private final long[] workAfter;
    private final long lower;
    private final long deadline;
    private long best;
    private int[] bestWorker;
    private long nodes;
    private boolean timedOut;

    private PartitionSearch(TaskGraph g, int workers, long upper, long lower, long deadline) {
        int n = g.size();
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingInt(i -> -g.duration(i)).thenComparingInt(i -> i));
        this.byDuration = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
        this.duration = new long[n];
        this.workAfter = new long[n + 1];
        for (int k = n - 1; k >= 0; k--) {
            duration[k] = g.duration(byDuration[k]);
            workAfter[k] = workAfter[k + 1] + duration[k];
        }
        this.load = new long[workers];
        this.assigned = new int[n];
        this.lower = lower;
        this.deadline = deadline;
        this.best = upper;
    }

    /**
     * The least makespan of G's tasks, orderings left out, on WORKERS workers, if below UPPER;
     * stops at LOWER (a bound already known) or at System.nanoTime() DEADLINE.
     */
    static Result search(TaskGraph g, int workers, long upper, long lower, long deadline) {
        PartitionSearch s = new PartitionSearch(g, workers, upper, lower, deadline);
        if (upper > lower) {
            s.place(0, 0);
        }
        return new Result(s.best, s.bestWorker, !s.timedOut);
    }

    private void place(int k, long max) {
        if (k == duration.length) {
            best = max;
            bestWorker = new int[k];
            for (int x = 0; x < k; x++) {
                bestWorker[byDuration[x]] = assigned[x];
            }
            return;
        }
        if ((++nodes & 1023) == 0 && System.nanoTime() > deadline) {
            timedOut = true;
        }
        long room = 0;
        for (long l : load) {
            room += Math.max(0, best - 1 - l);
        }
        if (room < workAfter[k]) {
            return;
        }
        for (int m = 0; m < load.length && !timedOut && best > lower; m++) {
            if (load[m] + duration[k] >= best || seenLoad(m)) {
                continue;
            }
            load[m] += duration[k];
            assigned[k] = m;
            place(k + 1, Math.max(max, load[m]));
            load[m] -= duration[k];
        }
    }

    /** Whether a worker before M has M's load: placing the task there was tried already. */
    private boolean seenLoad(int m) {
        for (int x = 0; x < m; x++) {
            if (load[x] == load[m]) {
                return true;
            }
        }
        return false;
    }
}
