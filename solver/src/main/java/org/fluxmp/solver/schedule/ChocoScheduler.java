package org.fluxmp.solver.schedule;

import java.util.BitSet;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.constraints.nary.cumulative.Cumulative;
import org.chocosolver.solver.search.SearchState;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.Task;

/**
 * The Choco model of SPEC 7: a start variable per task, the precedences, one cumulative resource
 * of W workers, and the makespan to minimise. The best list schedule is the incumbent: the model
 * only admits makespans below it, so a search that ends without a solution proves it optimal.
 *
 * <p>What lets small plans be proven (measured on random layered plans, see bench/README.md):
 * the search walks only the schedules list scheduling can make ({@link ChronologicalSearch},
 * {@link NonDelayPropagator}), never searches a state twice ({@link SeenStates}), bounds the
 * makespan by the work left after each time ({@link WorkBoundPropagator}), and orders
 * interchangeable tasks. Each start is also bounded by the work of the task's ancestors, and its
 * latest start by the work of its descendants, spread over W workers.
 */
final class ChocoScheduler {
    /** STARTS is null when nothing better than the incumbent was found; COMPLETE when the search ended. */
    record Result(long[] starts, boolean complete) {}

    private ChocoScheduler() {}

    /**
     * Looks for a schedule of G on W workers with a makespan below INCUMBENT (and at least LOWER),
     * searching for at most LIMIT_MS once the model is built. RANK orders ties in the search (the
     * incumbent's order).
     */
    static Result improve(TaskGraph g, int workers, long incumbent, long lower, long limitMs, int[] rank) {
        int n = g.size();
        BitSet[] ancestors = closure(g, true);
        BitSet[] descendants = closure(g, false);
        long[] release = new long[n];
        long[] tail = new long[n];
        long ub = incumbent - 1;
        long lb = lower;
        for (int i = 0; i < n; i++) {
            release[i] = Math.max(g.head(i), ceil(work(g, ancestors[i]), workers));
            tail[i] = Math.max(g.tail(i), g.duration(i) + ceil(work(g, descendants[i]), workers));
            lb = Math.max(lb, release[i] + tail[i]);
        }
        if (lb > ub) {
            return new Result(null, true);
        }
        Model m = new Model("schedule");
        IntVar makespan = m.intVar("makespan", (int) lb, (int) ub, true);
        IntVar[] start = new IntVar[n];
        Task[] tasks = new Task[n];
        IntVar[] heights = new IntVar[n];
        IntVar one = m.intVar(1);
        long[] after = new long[n];
        for (int i = 0; i < n; i++) {
            start[i] = m.intVar(g.name(i), (int) release[i], (int) (ub - tail[i]), true);
            tasks[i] = new Task(start[i], g.duration(i));
            heights[i] = one;
            after[i] = tail[i] - g.duration(i);
            m.arithm(makespan, "-", start[i], ">=", (int) tail[i]).post();
        }
        for (int j = 0; j < n; j++) {
            for (int i : g.predecessors(j)) {
                m.arithm(start[j], "-", start[i], ">=", g.duration(i)).post();
            }
        }
        for (int[] pair : g.twins()) {
            m.arithm(start[pair[0]], "<=", start[pair[1]]).post();
        }
        // time-table filtering only: on plans this small the incremental and energy filters cost more than they prune
        m.cumulative(tasks, heights, m.intVar(workers), false, Cumulative.Filter.TIME).post();
        SeenStates seen = new SeenStates(start, g);
        m.post(new Constraint("non-delay", new NonDelayPropagator(start, g, workers, seen)));
        m.post(new Constraint("work-bound", new WorkBoundPropagator(start, makespan, g, workers, after)));
        m.setObjective(Model.MINIMIZE, makespan);
        Solver solver = m.getSolver();
        solver.setSearch(new ChronologicalSearch(start, makespan, rank, seen));
        long deadline = System.nanoTime() + limitMs * 1_000_000L;
        solver.limitSearch(() -> System.nanoTime() > deadline);
        long[] best = null;
        while (solver.solve()) {
            best = new long[n];
            for (int i = 0; i < n; i++) {
                best[i] = start[i].getValue();
            }
        }
        return new Result(best, solver.getSearchState() == SearchState.TERMINATED);
    }

    static long ceil(long a, int b) {
        return (a + b - 1) / b;
    }

    private static long work(TaskGraph g, BitSet set) {
        long w = 0;
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            w += g.duration(i);
        }
        return w;
    }

    /** Each task's strict ancestors (UP) or descendants. */
    private static BitSet[] closure(TaskGraph g, boolean up) {
        int n = g.size();
        BitSet[] out = new BitSet[n];
        int[] topo = g.topologicalOrder();
        for (int k = 0; k < n; k++) {
            int i = up ? topo[k] : topo[n - 1 - k];
            BitSet b = new BitSet(n);
            for (int j : up ? g.predecessors(i) : g.successors(i)) {
                b.set(j);
                b.or(out[j]);
            }
            out[i] = b;
        }
        return out;
    }
}
