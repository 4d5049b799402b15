package org.fluxmp.solver.schedule;

import java.util.Arrays;
import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.events.IntEventType;
import org.chocosolver.util.ESat;

/**
 * Keeps only non-delay schedules: no worker is left idle while a task is ready. These are exactly
 * the schedules the runner's list scheduling produces for some priority order, so that the
 * schedule's start order, given to the runner as priorities, reproduces it.
 *
 * <p>At a search node, let T be the earliest start still possible for a task not yet placed. No
 * task can start before T any more, so for every time t before T the load is that of the placed
 * tasks; a task whose predecessors are all placed and done by t, and that has not started by t,
 * must then find all W workers busy at t, else no completion of the node is non-delay. At T itself
 * the free workers must take as many of the ready tasks as they can: if the tasks that can still
 * start at T are too few, the node fails; if they are just enough, they all start at T.
 *
 * <p>The propagator also consults the search's {@link SeenStates}: a state already explored fails.
 */
final class NonDelayPropagator extends Propagator<IntVar> {
    private final TaskGraph g;
    private final int workers;
    private final int[] duration;
    private final SeenStates seen;
    // the load profile of placed tasks: load[k] workers busy from time[k] to time[k + 1]
    private final long[] time;
    private final int[] load;
    private final long[][] events;
    private int segments;
    private final long[] ready;

    NonDelayPropagator(IntVar[] starts, TaskGraph g, int workers, SeenStates seen) {
        super(starts, PropagatorPriority.QUADRATIC, false);
        int n = starts.length;
        this.g = g;
        this.workers = workers;
        this.seen = seen;
        this.duration = new int[n];
        for (int i = 0; i < n; i++) {
            duration[i] = g.duration(i);
        }
        this.time = new long[2 * n];
        this.load = new int[2 * n];
        this.events = new long[2 * n][2];
        this.ready = new long[n];
    }

    @Override
    public int getPropagationConditions(int vIdx) {
        return IntEventType.instantiation() | IntEventType.INCLOW.getMask();
    }

    @Override
    public void propagate(int evtmask) throws ContradictionException {
        int n = vars.length;
        long horizon = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (!vars[i].isInstantiated()) {
                horizon = Math.min(horizon, vars[i].getLB());
            }
        }
        profile();
        for (int j = 0; j < n; j++) {
            ready[j] = readyTime(j);
            if (ready[j] < 0) {
                continue;
            }
            long until = vars[j].isInstantiated() ? Math.min(vars[j].getValue(), horizon) : horizon;
            if (ready[j] < until && minLoad(ready[j], until) < workers) {
                fails();
            }
        }
        if (horizon != Long.MAX_VALUE) {
            startWhatMustStart(horizon);
        }
        if (seen != null && seen.explored()) {
            fails();
        }
    }

    /** When task J's predecessors are all done, if they are all placed; else -1. */
    private long readyTime(int j) {
        long r = 0;
        for (int p : g.predecessors(j)) {
            if (!vars[p].isInstantiated()) {
                return -1;
            }
            r = Math.max(r, (long) vars[p].getValue() + duration[p]);
        }
        return r;
    }

    private void profile() {
        int m = 0;
        for (int i = 0; i < vars.length; i++) {
            if (vars[i].isInstantiated()) {
                events[m][0] = vars[i].getValue();
                events[m++][1] = 1;
                events[m][0] = (long) vars[i].getValue() + duration[i];
                events[m++][1] = -1;
            }
        }
        // at equal times, ends before starts: a task ending at t no longer holds a worker at t
        Arrays.sort(events, 0, m, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        segments = 0;
        int busy = 0;
        for (int k = 0; k < m; k++) {
            busy += (int) events[k][1];
            if (segments > 0 && time[segments - 1] == events[k][0]) {
                load[segments - 1] = busy;
            } else {
                time[segments] = events[k][0];
                load[segments++] = busy;
            }
        }
    }

    private int loadAt(long t) {
        int busy = 0;
        for (int k = 0; k < segments && time[k] <= t; k++) {
            busy = load[k];
        }
        return busy;
    }

    /** The least number of placed tasks running at any time in [FROM, UNTIL). */
    private int minLoad(long from, long until) {
        int least = loadAt(from);
        for (int k = 0; k < segments && time[k] < until; k++) {
            if (time[k] > from) {
                least = Math.min(least, load[k]);
            }
        }
        return least;
    }

    private void startWhatMustStart(long horizon) throws ContradictionException {
        int free = workers - loadAt(horizon);
        int candidates = 0;
        int delayed = 0;
        for (int j = 0; j < vars.length; j++) {
            if (ready[j] < 0 || ready[j] > horizon || vars[j].isInstantiated() && vars[j].getValue() <= horizon) {
                continue;
            }
            if (!vars[j].isInstantiated() && vars[j].getLB() == horizon) {
                candidates++;
            } else {
                delayed++;
            }
        }
        int mustStart = Math.min(free, candidates + delayed);
        if (mustStart > candidates) {
            fails();
        }
        if (mustStart == candidates && candidates > 0) {
            for (int j = 0; j < vars.length; j++) {
                if (ready[j] >= 0 && ready[j] <= horizon && !vars[j].isInstantiated() && vars[j].getLB() == horizon) {
                    vars[j].instantiateTo((int) horizon, this);
                }
            }
        }
    }

    @Override
    public ESat isEntailed() {
        if (!isCompletelyInstantiated()) {
            return ESat.UNDEFINED;
        }
        int n = vars.length;
        profile();
        for (int j = 0; j < n; j++) {
            long r = readyTime(j);
            if (r < vars[j].getValue() && minLoad(r, vars[j].getValue()) < workers) {
                return ESat.FALSE;
            }
        }
        return ESat.TRUE;
    }
}
