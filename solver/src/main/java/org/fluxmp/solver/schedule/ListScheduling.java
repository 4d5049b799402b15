package org.fluxmp.solver.schedule;

import java.util.Comparator;

/**
 * List scheduling as the runner does it: whenever a worker is free, the ready task that comes
 * first by a priority starts on it (the lowest-numbered free worker). Run on estimated durations,
 * this predicts the runner's schedule for a priority order.
 */
public final class ListScheduling {
    private ListScheduling() {}

    /** First come, first served: ready tasks in the order they became ready, then by index. */
    public static Timetable firstCome(TaskGraph g, int workers) {
        return simulate(g, workers, (i, readyAt) -> readyAt);
    }

    /** Longest remaining path first (the task's duration plus its longest chain of successors), then by index. */
    public static Timetable longestPath(TaskGraph g, int workers) {
        return simulate(g, workers, (i, readyAt) -> -g.tail(i));
    }

    /**
     * Longest remaining path with each task's path length perturbed by up to NOISE (a fraction),
     * from RANDOM: a different but still sensible order, for a search among list schedules.
     */
    public static Timetable perturbed(TaskGraph g, int workers, java.util.Random random, double noise) {
        double[] key = new double[g.size()];
        Integer[] idx = new Integer[g.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = g.tail(i) * (1 + noise * random.nextDouble());
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -key[i]).thenComparingInt(i -> i));
        int[] rank = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            rank[idx[k]] = k;
        }
        return simulate(g, workers, (i, readyAt) -> rank[i]);
    }

    /** The schedule the runner makes when tasks take priority in the order ORDER (task indices). */
    public static Timetable replay(TaskGraph g, int workers, int[] order) {
        int[] rank = new int[g.size()];
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k;
        }
        return simulate(g, workers, (i, readyAt) -> rank[i]);
    }

    /** A ready task's priority (lower first, ties by index), from the task and when it became ready. */
    private interface Priority {
        long of(int task, long readyAt);
    }

    private static Timetable simulate(TaskGraph g, int workers, Priority priority) {
        int n = g.size();
        long[] start = new long[n];
        int[] worker = new int[n];
        int[] waiting = new int[n];
        TaskHeap ready = new TaskHeap(n);
        for (int i = 0; i < n; i++) {
            waiting[i] = g.predecessors(i).length;
            if (waiting[i] == 0) {
                ready.add(i, priority.of(i, 0));
            }
        }
        // running tasks by end time, then index, so that simultaneous ends release in a fixed order
        TaskHeap running = new TaskHeap(n);
        java.util.BitSet free = new java.util.BitSet();
        free.set(0, Math.max(1, workers));
        long now = 0;
        long makespan = 0;
        while (true) {
            while (!free.isEmpty() && !ready.isEmpty()) {
                int i = ready.poll();
                start[i] = now;
                worker[i] = free.nextSetBit(0);
                free.clear(worker[i]);
                long end = now + g.duration(i);
                makespan = Math.max(makespan, end);
                running.add(i, end);
            }
            if (running.isEmpty()) {
                break;
            }
            now = running.peekKey();
            while (!running.isEmpty() && running.peekKey() == now) {
                int i = running.poll();
                free.set(worker[i]);
                for (int s : g.successors(i)) {
                    if (--waiting[s] == 0) {
                        ready.add(s, priority.of(s, now));
                    }
                }
            }
        }
        return new Timetable(start, worker, makespan);
    }
}
