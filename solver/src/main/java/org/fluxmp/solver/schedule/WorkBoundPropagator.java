package org.fluxmp.solver.schedule;

import java.util.Arrays;
import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.util.ESat;

/**
 * An energy bound on the makespan: the work that cannot be done before a time t, spread over W
 * workers, comes after t; and the tasks that still need at least q ms after their own end (their
 * descendants) must be done q ms before the makespan. For every t among the tasks' earliest starts
 * and every such q: makespan >= t + (work of those tasks after t) / W + q.
 */
final class WorkBoundPropagator extends Propagator<IntVar> {
    private final int n;
    private final int workers;
    private final int[] duration;
    private final long[] after;
    private final long[] times;
    private final long[][] items;

    /** AFTER[i]: how long the plan must still run once task i ends. */
    WorkBoundPropagator(IntVar[] starts, IntVar makespan, TaskGraph g, int workers, long[] after) {
        super(with(starts, makespan), PropagatorPriority.QUADRATIC, false);
        this.n = starts.length;
        this.workers = workers;
        this.duration = new int[n];
        for (int i = 0; i < n; i++) {
            duration[i] = g.duration(i);
        }
        this.after = after;
        this.times = new long[n];
        this.items = new long[n][2];
    }

    private static IntVar[] with(IntVar[] starts, IntVar makespan) {
        IntVar[] all = Arrays.copyOf(starts, starts.length + 1);
        all[starts.length] = makespan;
        return all;
    }

    @Override
    public void propagate(int evtmask) throws ContradictionException {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!vars[i].isInstantiated()) {
                times[k++] = vars[i].getLB();
            }
        }
        if (k == 0) {
            return;
        }
        Arrays.sort(times, 0, k);
        long bound = 0;
        long prev = Long.MIN_VALUE;
        for (int x = 0; x < k; x++) {
            long t = times[x];
            if (t == prev) {
                continue;
            }
            prev = t;
            int m = 0;
            for (int i = 0; i < n; i++) {
                long lb = vars[i].getLB();
                long energy = Math.max(0, duration[i] - Math.max(0, t - lb));
                if (energy > 0) {
                    items[m][0] = after[i];
                    items[m][1] = energy;
                    m++;
                }
            }
            Arrays.sort(items, 0, m, (a, b) -> Long.compare(b[0], a[0]));
            long sum = 0;
            for (int y = 0; y < m; y++) {
                sum += items[y][1];
                if (y == m - 1 || items[y + 1][0] != items[y][0]) {
                    bound = Math.max(bound, t + (sum + workers - 1) / workers + items[y][0]);
                }
            }
        }
        vars[n].updateLowerBound(bound, this);
    }

    @Override
    public ESat isEntailed() {
        return ESat.TRUE;
    }
}
