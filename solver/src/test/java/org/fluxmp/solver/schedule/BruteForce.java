package org.fluxmp.solver.schedule;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The best makespan over every priority order, by trying them all (small graphs only), with a
 * list-scheduling simulation of its own: the truth the scheduler's "optimal" is checked against;
 * and the best assignment of unordered tasks to workers, the truth of the partition bounds.
 */
final class BruteForce {
    private BruteForce() {}

    static long bestListMakespan(TaskGraph g, int workers) {
        int n = g.size();
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) {
            waiting[i] = g.predecessors(i).length;
        }
        return search(g, workers, new int[n], 0, new boolean[n], waiting);
    }

    private static long search(TaskGraph g, int workers, int[] order, int k, boolean[] used, int[] waiting) {
        int n = g.size();
        if (k == n) {
            return simulate(g, workers, order);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (!used[i] && waiting[i] == 0) {
                used[i] = true;
                order[k] = i;
                for (int s : g.successors(i)) {
                    waiting[s]--;
                }
                best = Math.min(best, search(g, workers, order, k + 1, used, waiting));
                used[i] = false;
                for (int s : g.successors(i)) {
                    waiting[s]++;
                }
            }
        }
        return best;
    }

    /** The least makespan of DURATIONS on WORKERS workers, with no order: every assignment of tasks to workers. */
    static long bestAssignment(long[] durations, int workers) {
        return assign(durations, 0, new long[workers]);
    }

    private static long assign(long[] durations, int k, long[] load) {
        if (k == durations.length) {
            return Arrays.stream(load).max().orElse(0);
        }
        long best = Long.MAX_VALUE;
        for (int m = 0; m < load.length; m++) {
            load[m] += durations[k];
            best = Math.min(best, assign(durations, k + 1, load));
            load[m] -= durations[k];
        }
        return best;
    }

    /** Time steps from event to event: free workers take the ready tasks that come first in ORDER. */
    private static long simulate(TaskGraph g, int workers, int[] order) {
        int n = g.size();
        long[] end = new long[n];
        boolean[] started = new boolean[n];
        PriorityQueue<Long> events = new PriorityQueue<>();
        events.add(0L);
        int done = 0;
        long makespan = 0;
        while (done < n) {
            long now = events.poll();
            int busy = 0;
            for (int i = 0; i < n; i++) {
                if (started[i] && end[i] > now) {
                    busy++;
                }
            }
            for (int i : order) {
                if (busy >= workers) {
                    break;
                }
                if (started[i]) {
                    continue;
                }
                boolean ready = true;
                for (int p : g.predecessors(i)) {
                    ready &= started[p] && end[p] <= now;
                }
                if (ready) {
                    started[i] = true;
                    end[i] = now + g.duration(i);
                    makespan = Math.max(makespan, end[i]);
                    events.add(end[i]);
                    busy++;
                    done++;
                }
            }
        }
        return makespan;
    }
}
