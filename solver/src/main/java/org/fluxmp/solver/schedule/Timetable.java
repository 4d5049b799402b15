package org.fluxmp.solver.schedule;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Start times (ms from the start of the plan) and workers (0 to W-1) of a task graph's tasks, as a
 * list scheduler running on the estimates would produce them.
 */
public record Timetable(long[] start, int[] worker, long makespan) {

    /** Task indices by start time; tasks starting together by worker. */
    public Integer[] startOrder() {
        Integer[] order = new Integer[start.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> start[i]).thenComparingInt(i -> worker[i]));
        return order;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timetable t && Arrays.equals(start, t.start) && Arrays.equals(worker, t.worker)
                && makespan == t.makespan;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(start) * 31 + Arrays.hashCode(worker);
    }

    @Override
    public String toString() {
        return "Timetable" + Arrays.toString(start) + " makespan " + makespan;
    }
}
