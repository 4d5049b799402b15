package org.fluxmp.solver.schedule;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * List scheduling as the runner does it: whenever a worker is free, the ready task that comes
 * first by a priority starts on it (the lowest-numbered free worker). Run on estimated durations,
 * this predicts the runner's schedule for a priority order.
 */
public final class ListScheduling {
    private ListScheduling() {}

    /** First come, first served: ready tasks in the order they became ready, then by index. */
    public static Timetable firstCome(TaskGraph g, int workers) {
        long[] readyAt = new long[g.size()];
        return simulate(g, workers, readyAt, Comparator.<Integer>comparingLong(i -> readyAt[i]).thenComparingInt(i -> i));
    }

    /** Longest remaining path first (the task's duration plus its longest chain of successors), then by index. */
    public static Timetable longestPath(TaskGraph g, int workers) {
        return simulate(g, workers, new long[g.size()],
                Comparator.<Integer>comparingLong(i -> -g.tail(i)).thenComparingInt(i -> i));
    }

    /**
     * Longest remaining path with each task's path length perturbed by up to NOISE (a fraction),
     * from RANDOM: a different but still sensible order, for a search among list schedules.
     */
    public static Timetable perturbed(TaskGraph g, int workers, java.util.Random random, double noise) {
        double[] key = new double[g.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = g.tail(i) * (1 + noise * random.nextDouble());
        }
        return simulate(g, workers, new long[g.size()],
                Comparator.<Integer>comparingDouble(i -> -key[i]).thenComparingInt(i -> i));
    }

    /** The schedule the runner makes when tasks take priority in the order ORDER (task indices). */
    public static Timetable replay(TaskGraph g, int workers, int[] order) {
        int[] rank = new int[g.size()];
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k;
        }
        return simulate(g, workers, new long[g.size()], Comparator.comparingInt(i -> rank[i]));
    }

    private static Timetable simulate(TaskGraph g, int workers, long[] readyAt, Comparator<Integer> priority) {
        int n = g.size();
        long[] start = new long[n];
        int[] worker = new int[n];
        int[] waiting = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>(priority);
        for (int i = 0; i < n; i++) {
            waiting[i] = g.predecessors(i).length;
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        // running tasks by end time, then index, so that simultaneous ends release in a fixed order
        PriorityQueue<long[]> running = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
        PriorityQueue<Integer> free = new PriorityQueue<>();
        for (int w = 0; w < Math.max(1, workers); w++) {
            free.add(w);
        }
        long now = 0;
        long makespan = 0;
        while (true) {
            while (!free.isEmpty() && !ready.isEmpty()) {
                int i = ready.poll();
                start[i] = now;
                worker[i] = free.poll();
                long end = now + g.duration(i);
                makespan = Math.max(makespan, end);
                running.add(new long[] {end, i});
            }
            if (running.isEmpty()) {
                break;
            }
            now = running.peek()[0];
            while (!running.isEmpty() && running.peek()[0] == now) {
                int i = (int) running.poll()[1];
                free.add(worker[i]);
                for (int s : g.successors(i)) {
                    if (--waiting[s] == 0) {
                        readyAt[s] = now;
                        ready.add(s);
                    }
                }
            }
        }
        return new Timetable(start, worker, makespan);
    }
}
