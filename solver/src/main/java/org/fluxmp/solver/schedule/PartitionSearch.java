package org.fluxmp.solver.schedule;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Exact P||Cmax: the least makespan of a plan's tasks on W identical workers with their orderings
 * left out, a lower bound for every schedule of the plan. For C from a known lower bound up, a
 * depth-first search decides whether the tasks fit in W workers of capacity C: tasks longest
 * first, each onto the least loaded worker first; never onto a worker whose load equals that of a
 * worker already tried for it (identical workers are interchangeable); onto the worker it fills
 * exactly, if one exists, and nowhere else (any packing can be changed into one that does); and a
 * node is cut when the work left exceeds the room left on workers that can still take a task, or
 * when the tasks left outnumber what the workers' rooms can hold of the shortest ones.
 */
final class PartitionSearch {
    /**
     * LOWER: no makespan below it (proven); WORKER: each task's worker in a partition of makespan
     * LOWER, null if none was found in time (then LOWER may be below the least makespan).
     */
    record Result(long lower, int[] worker) {
        /** A priority order for the partition: each worker's tasks longest first, all by when they would start. */
        int[] order(TaskGraph g) {
            int n = worker.length;
            long[] start = new long[n];
            long[] at = new long[n];
            for (int i : byDuration(g)) {
                start[i] = at[worker[i]];
                at[worker[i]] += g.duration(i);
            }
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, Comparator.<Integer>comparingLong(i -> start[i]).thenComparingInt(i -> worker[i]));
            return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
        }
    }

    private final long[] duration;
    private final long[] workAfter;
    private final long[] load;
    private final int[] assigned;
    private final long deadline;
    private final long maxNodes;
    private long capacity;
    private long nodes;
    private boolean timedOut;

    /** A search over the first COUNT of DESCENDING (longest first) on WORKERS workers, to DEADLINE or MAX_NODES. */
    private PartitionSearch(long[] descending, int count, int workers, long deadline, long maxNodes) {
        this.duration = Arrays.copyOf(descending, count);
        this.workAfter = new long[count + 1];
        for (int k = count - 1; k >= 0; k--) {
            workAfter[k] = workAfter[k + 1] + duration[k];
        }
        this.load = new long[workers];
        this.assigned = new int[count];
        this.deadline = deadline;
        this.maxNodes = maxNodes;
    }

    /**
     * Whether the first COUNT of DESCENDING (longest first) fit on workers already loaded with
     * LOADS, none beyond CAPACITY; true too when MAX_NODES were searched without an answer.
     */
    static boolean mayFit(long[] descending, int count, long[] loads, long capacity, long maxNodes) {
        PartitionSearch s = new PartitionSearch(descending, count, loads.length, Long.MAX_VALUE, maxNodes);
        System.arraycopy(loads, 0, s.load, 0, loads.length);
        s.capacity = capacity;
        return s.fits(0) || s.timedOut;
    }

    private static int[] byDuration(TaskGraph g) {
        Integer[] idx = new Integer[g.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingInt(i -> -g.duration(i)).thenComparingInt(i -> i));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The least makespan of G's tasks, orderings left out, on WORKERS workers, trying capacities
     * from LOWER (a bound already known) below UPPER, until System.nanoTime() passes DEADLINE.
     */
    static Result search(TaskGraph g, int workers, long upper, long lower, long deadline) {
        int[] byDuration = byDuration(g);
        long[] descending = new long[g.size()];
        for (int k = 0; k < descending.length; k++) {
            descending[k] = g.duration(byDuration[k]);
        }
        PartitionSearch s = new PartitionSearch(descending, descending.length, workers, deadline, Long.MAX_VALUE);
        for (long c = lower; c < upper; c++) {
            s.capacity = c;
            Arrays.fill(s.load, 0);
            if (s.fits(0)) {
                int[] worker = new int[g.size()];
                for (int k = 0; k < worker.length; k++) {
                    worker[byDuration[k]] = s.assigned[k];
                }
                return new Result(c, worker);
            }
            if (s.timedOut) {
                return new Result(c, null);
            }
        }
        return new Result(upper, null);
    }

    /** Whether tasks K.. fit on the workers as loaded. */
    private boolean fits(int k) {
        if (k == duration.length) {
            return true;
        }
        if (++nodes > maxNodes || (nodes & 1023) == 0 && System.nanoTime() > deadline) {
            timedOut = true;
        }
        if (timedOut) {
            return false;
        }
        int n = duration.length;
        long room = 0;
        int places = 0;
        int exact = -1;
        for (int m = 0; m < load.length; m++) {
            long left = capacity - load[m];
            int fit = fitting(left, n - k);
            room += fit > 0 ? left : 0;
            places += fit;
            if (left == duration[k]) {
                exact = m;
            }
        }
        if (room < workAfter[k] || places < n - k) {
            return false;
        }
        if (exact >= 0) {
            return fitsOn(exact, k);
        }
        // the workers by load, least first (insertion sort: W is small)
        int[] byLoad = new int[load.length];
        for (int m = 0; m < byLoad.length; m++) {
            int at = m;
            while (at > 0 && load[byLoad[at - 1]] > load[m]) {
                byLoad[at] = byLoad[at - 1];
                at--;
            }
            byLoad[at] = m;
        }
        long tried = -1;
        for (int m : byLoad) {
            if (load[m] != tried && load[m] + duration[k] <= capacity) {
                tried = load[m];
                if (fitsOn(m, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many of the LEFT shortest tasks fit in ROOM (the shortest tasks are the last ones). */
    private int fitting(long room, int left) {
        int n = duration.length;
        int count = 0;
        while (count < left && workAfter[n - count - 1] <= room) {
            count++;
        }
        return count;
    }

    private boolean fitsOn(int m, int k) {
        load[m] += duration[k];
        assigned[k] = m;
        boolean fits = fits(k + 1);
        load[m] -= duration[k];
        return fits;
    }
}
