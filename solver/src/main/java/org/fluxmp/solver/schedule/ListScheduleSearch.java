package org.fluxmp.solver.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact branch and bound over the schedules the runner can make: list schedules, that is
 * non-delay schedules, where whenever workers are free and tasks are ready, as many ready tasks
 * start as there are free workers. The search goes from event to event; at each it branches on
 * which ready tasks start (workers are identical, so which worker takes which is no choice), and
 * of interchangeable tasks (same duration, predecessors and successors) the lower-indexed starts
 * first. A node is cut when a lower bound reaches the best makespan found (the tasks' earliest
 * starts plus what follows them; and, per tail q, q plus the {@link PartitionBound} of the
 * running tasks' remainders and the tasks not started that need q after them), or when the same state (tasks
 * started, and what the running ones still hold) was reached before at the same time or earlier.
 * An exhausted search proves its best schedule optimal among all priority orders.
 */
final class ListScheduleSearch {
    /** Tasks are sets of bits in a long. */
    static final int MAX_TASKS = 63;
    /** States remembered at most (about 100 bytes each). */
    static final int MAX_STATES = 1 << 20;
    private static final int ANONYMOUS = 63;
    /** Nodes a packing check may search. */
    static final long PACKING_NODES = 2_000;

    /** ORDER: the best priority order found, null if none beat the incumbent; COMPLETE: the search ended. */
    record Result(int[] order, long makespan, boolean complete) {}

    private final int n;
    private final int workers;
    private final long all;
    private final int[] duration;
    private final long[] preds;
    private final long[] succs;
    private final int[] twinBefore;
    private final int[] byRank;
    private final long lower;
    private final long deadline;
    private final Map<StateKey, Long> seen = new HashMap<>();
    private final int[] order;
    private int placed;
    private long best;
    private int[] bestOrder;
    private long nodes;
    private boolean timedOut;
    private final NodeBound bounds;

    private ListScheduleSearch(TaskGraph g, int workers, long incumbent, long lower, int[] rank, long deadline) {
        this.n = g.size();
        this.workers = workers;
        this.all = n == 64 ? -1L : (1L << n) - 1;
        this.duration = new int[n];
        long[] tail = new long[n];
        long[] after = new long[n];
        this.preds = new long[n];
        this.succs = new long[n];
        for (int i = 0; i < n; i++) {
            duration[i] = g.duration(i);
            tail[i] = g.tail(i);
            after[i] = g.tail(i) - g.duration(i);
            for (int p : g.predecessors(i)) {
                preds[i] |= 1L << p;
                succs[p] |= 1L << i;
            }
        }
        this.twinBefore = new int[n];
        Arrays.fill(twinBefore, -1);
        for (int[] pair : g.twins()) {
            twinBefore[pair[1]] = pair[0];
        }
        this.byRank = twinsInIndexOrder(sorted(Comparator.comparingInt(i -> rank[i])));
        int[] byAfter = sorted(Comparator.comparingLong(i -> -after[i]));
        int[] byDuration = sorted(Comparator.comparingInt(i -> -duration[i]));
        int[] topo = g.topologicalOrder();
        this.lower = lower;
        this.deadline = deadline;
        this.best = incumbent;
        this.order = new int[n];
        this.bounds = new NodeBound(workers, duration, tail, after, preds, topo, byAfter, byDuration);
    }

    /**
     * Looks for a list schedule of G on WORKERS workers shorter than INCUMBENT, stopping when it
     * reaches LOWER or at System.nanoTime() DEADLINE. RANK[i] is task i's place in the priority
     * order to try first. At most {@link #MAX_TASKS} tasks.
     */
    static Result search(TaskGraph g, int workers, long incumbent, long lower, int[] rank, long deadline) {
        if (g.size() > MAX_TASKS) {
            throw new IllegalArgumentException(g.size() + " tasks: at most " + MAX_TASKS);
        }
        ListScheduleSearch s = new ListScheduleSearch(g, workers, incumbent, lower, rank, deadline);
        if (incumbent > lower) {
            s.decide(0, 0, 0, new int[workers], new long[workers], 0);
        }
        return new Result(s.bestOrder, s.best, !s.timedOut);
    }

    private int[] sorted(Comparator<Integer> by) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, by.thenComparingInt(i -> i));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** ORDER with each class of interchangeable tasks in index order, on the places the class had. */
    private int[] twinsInIndexOrder(int[] order) {
        int[] out = order.clone();
        boolean[] done = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            if (done[i] || twinBefore[i] < 0) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            for (int j = i; j >= 0; j = twinBefore[j]) {
                members.add(j);
                done[j] = true;
            }
            members.sort(null);
            int m = 0;
            for (int k = 0; k < n; k++) {
                if (members.contains(order[k])) {
                    out[k] = members.get(m++);
                }
            }
        }
        return out;
    }

    /** At time T, with the tasks of STARTED started and those of DONE ended: choose what starts now. */
    private void decide(long t, long started, long done, int[] runId, long[] runEnd, int running) {
        if (timedOut || best <= lower) {
            return;
        }
        if ((++nodes & 255) == 0 && System.nanoTime() > deadline) {
            timedOut = true;
            return;
        }
        int[] ready = new int[n];
        int r = 0;
        for (int j : byRank) {
            if ((started >> j & 1) == 0 && (preds[j] & ~done) == 0) {
                ready[r++] = j;
            }
        }
        int k = Math.min(workers - running, r);
        if (k == 0) {
            advance(started, done, runId, runEnd, running);
            return;
        }
        if (bounds.bound(t, started, done, runId, runEnd, running) >= best || !fresh(t, started, runId, runEnd, running)
                || !bounds.mayPack(best, t, started, runEnd, running)) {
            return;
        }
        pick(ready, r, 0, k, 0L, t, started, done, Arrays.copyOf(runId, workers), Arrays.copyOf(runEnd, workers), running);
    }

    /** Chooses NEED more of READY[FROM..R) to start at T (CHOSEN so far), then moves on to the next event. */
    private void pick(int[] ready, int r, int from, int need, long chosen, long t, long started, long done,
            int[] runId, long[] runEnd, int running) {
        if (need == 0) {
            advance(started | chosen, done, runId, runEnd, running);
            return;
        }
        for (int x = from; x <= r - need && !timedOut && best > lower; x++) {
            int j = ready[x];
            if (twinBefore[j] >= 0 && ((started | chosen) >> twinBefore[j] & 1) == 0) {
                continue;
            }
            runId[running] = j;
            runEnd[running] = t + duration[j];
            order[placed++] = j;
            pick(ready, r, x + 1, need - 1, chosen | 1L << j, t, started, done, runId, runEnd, running + 1);
            placed--;
        }
    }

    /** Moves to the next end of a running task, or records a complete schedule. */
    private void advance(long started, long done, int[] runId, long[] runEnd, int running) {
        long next = Long.MAX_VALUE;
        long last = 0;
        for (int x = 0; x < running; x++) {
            next = Math.min(next, runEnd[x]);
            last = Math.max(last, runEnd[x]);
        }
        if (started == all) {
            if (last < best) {
                best = last;
                bestOrder = Arrays.copyOf(order, placed);
            }
            return;
        }
        int[] id = new int[workers];
        long[] end = new long[workers];
        int m = 0;
        for (int x = 0; x < running; x++) {
            if (runEnd[x] == next) {
                done |= 1L << runId[x];
            } else {
                id[m] = runId[x];
                end[m++] = runEnd[x];
            }
        }
        decide(next, started, done, id, end, m);
    }

    /** Whether this state is new, or was reached only later than T before; remembers it. */
    private boolean fresh(long t, long started, int[] runId, long[] runEnd, int running) {
        long[] k = new long[running + 1];
        k[0] = started;
        for (int x = 0; x < running; x++) {
            int i = runId[x];
            // a running task nothing unstarted waits for matters only by when its worker frees
            long id = (succs[i] & ~started) == 0 ? ANONYMOUS : i;
            k[x + 1] = id << 40 | (runEnd[x] - t);
        }
        Arrays.sort(k, 1, running + 1);
        StateKey key = new StateKey(k);
        Long before = seen.get(key);
        if (before != null && before <= t) {
            return false;
        }
        if (before != null || seen.size() < MAX_STATES) {
            seen.put(key, t);
        }
        return true;
    }
}
