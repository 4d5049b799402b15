package org.fluxmp.solver.schedule;

import java.util.Arrays;

/**
 * The cuts of {@link ListScheduleSearch} at a node: a lower bound on the makespan of every
 * completion (the tasks' earliest starts plus what follows them; and, per tail q, q plus the
 * {@link PartitionBound} of the running tasks' remainders and the tasks not started that need q
 * after them), and whether what is left can still be packed below the best makespan.
 */
final class NodeBound {
    private final int n;
    private final int workers;
    private final int[] duration;
    private final long[] tail;
    private final long[] after;
    private final long[] preds;
    private final int[] topo;
    private final int[] byAfter;
    private final int[] byDuration;
    // scratch
    private final long[] finish;
    private final long[] energy;
    private final long[] release;

    /** The search's tasks: per task its DURATION, TAIL, AFTER and PREDS; TOPO, BY_AFTER and BY_DURATION orders of them. */
    NodeBound(int workers, int[] duration, long[] tail, long[] after, long[] preds, int[] topo, int[] byAfter,
            int[] byDuration) {
        this.n = duration.length;
        this.workers = workers;
        this.duration = duration;
        this.tail = tail;
        this.after = after;
        this.preds = preds;
        this.topo = topo;
        this.byAfter = byAfter;
        this.byDuration = byDuration;
        this.finish = new long[n];
        this.energy = new long[n];
        this.release = new long[n + 1];
    }

    /** A lower bound on the makespan of every completion of the node. */
    long bound(long t, long started, long done, int[] runId, long[] runEnd, int running) {
        long lb = 0;
        for (int x = 0; x < running; x++) {
            finish[runId[x]] = runEnd[x];
            lb = Math.max(lb, runEnd[x] + after[runId[x]]);
        }
        for (int j : topo) {
            if ((started >> j & 1) == 0) {
                long est = t;
                long p = preds[j] & ~done;
                while (p != 0) {
                    int q = Long.numberOfTrailingZeros(p);
                    p &= p - 1;
                    est = Math.max(est, finish[q]);
                }
                finish[j] = est + duration[j];
                lb = Math.max(lb, est + tail[j]);
            }
        }
        // the pieces still to run from r by tasks that cannot start before r and need at least q ms
        // after them, as independent tasks: r, the partition bounds, then q
        int levels = 0;
        for (int j = 0; j < n; j++) {
            if ((started >> j & 1) == 0 && finish[j] - duration[j] > t) {
                release[levels++] = finish[j] - duration[j];
            }
        }
        release[levels++] = t;
        Arrays.sort(release, 0, levels);
        for (int y = 0; y < levels; y++) {
            long r = release[y];
            if (y > 0 && r == release[y - 1]) {
                continue;
            }
            // every tail level from now, and the later release levels whole: all pairs cost too much per node
            long q = -1;
            for (int j : byAfter) {
                if ((done >> j & 1) == 0 && after[j] != q && (y == 0 || after[j] == 0)) {
                    q = after[j];
                    lb = Math.max(lb, levelBound(r, q, started, runId, runEnd, running));
                }
            }
            if (y > 0 && q != 0) {
                lb = Math.max(lb, levelBound(r, 0, started, runId, runEnd, running));
            }
        }
        return lb;
    }

    private long levelBound(long r, long q, long started, int[] runId, long[] runEnd, int running) {
        int m = pieces(r, started, runId, runEnd, running, q);
        return m == 0 ? 0 : r + PartitionBound.of(energy, m, workers) + q;
    }

    /**
     * When little idle time is left to spare: whether the tasks not started can still be packed
     * onto the workers, after what each one runs, below the makespan BEST (orderings left out; a
     * packing search of at most {@link ListScheduleSearch#PACKING_NODES} nodes, which answers yes when it runs out).
     */
    boolean mayPack(long best, long t, long started, long[] runEnd, int running) {
        long capacity = best - 1 - t;
        long[] loads = new long[workers];
        long spare = capacity * workers;
        for (int x = 0; x < running; x++) {
            loads[x] = runEnd[x] - t;
            spare -= loads[x];
        }
        int m = 0;
        for (int j : byDuration) {
            if ((started >> j & 1) == 0) {
                energy[m++] = duration[j];
                spare -= duration[j];
            }
        }
        return m == 0 || spare >= energy[0] || PartitionSearch.mayFit(energy, m, loads, capacity, ListScheduleSearch.PACKING_NODES);
    }

    /**
     * Fills ENERGY, longest first, with what is still to run from R by the tasks that cannot start
     * before R and need at least Q ms after them; returns how many pieces.
     */
    private int pieces(long r, long started, int[] runId, long[] runEnd, int running, long q) {
        int m = 0;
        for (int j : byDuration) {
            if ((started >> j & 1) == 0 && after[j] >= q && finish[j] - duration[j] >= r) {
                energy[m++] = duration[j];
            }
        }
        for (int x = 0; x < running; x++) {
            if (after[runId[x]] < q || runEnd[x] <= r) {
                continue;
            }
            long e = runEnd[x] - r;
            int at = m++;
            while (at > 0 && energy[at - 1] < e) {
                energy[at] = energy[at - 1];
                at--;
            }
            energy[at] = e;
        }
        return m;
    }
}
