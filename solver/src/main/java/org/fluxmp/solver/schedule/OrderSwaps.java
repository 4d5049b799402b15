package org.fluxmp.solver.schedule;

import java.util.Random;

/**
 * A local search over priority orders: swap two tasks of the best order, replay it as the runner
 * would, keep the swap if the makespan is no worse and no more workers end at it (so that it can
 * cross plateaus), until the
 * lower bound or a deadline. Every schedule it returns is a list schedule of its start order.
 */
final class OrderSwaps {
    private OrderSwaps() {}

    /**
     * A schedule of G on WORKERS workers no worse than START, stopping at LOWER, after TRIES
     * changes or at System.nanoTime() DEADLINE.
     */
    static Timetable improve(TaskGraph g, int workers, Timetable start, long lower, Random random, long deadline,
            long tries) {
        int n = g.size();
        Timetable best = start;
        if (n < 2) {
            return best;
        }
        Integer[] startOrder = start.startOrder();
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = startOrder[k];
        }
        long current = score(g, workers, start);
        for (long k = 0; k < tries && best.makespan() > lower && ((k & 63) != 0 || System.nanoTime() < deadline); k++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            swap(order, a, b);
            Timetable t = ListScheduling.replay(g, workers, order);
            long score = score(g, workers, t);
            if (score <= current) {
                current = score;
                if (t.makespan() < best.makespan()) {
                    best = t;
                }
            } else {
                swap(order, a, b);
            }
        }
        return best;
    }

    /** The makespan, then how many workers end at it (fewer: closer to a shorter makespan). */
    private static long score(TaskGraph g, int workers, Timetable t) {
        long[] end = new long[workers];
        for (int i = 0; i < g.size(); i++) {
            end[t.worker()[i]] = Math.max(end[t.worker()[i]], t.start()[i] + g.duration(i));
        }
        int last = 0;
        for (long e : end) {
            last += e == t.makespan() ? 1 : 0;
        }
        return t.makespan() * (workers + 1) + last;
    }

    private static void swap(int[] order, int a, int b) {
        int x = order[a];
        order[a] = order[b];
        order[b] = x;
    }
}
