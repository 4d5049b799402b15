package org.fluxmp.solver.schedule;

import org.chocosolver.solver.search.strategy.assignments.DecisionOperatorFactory;
import org.chocosolver.solver.search.strategy.decision.Decision;
import org.chocosolver.solver.search.strategy.strategy.AbstractStrategy;
import org.chocosolver.solver.variables.IntVar;

/**
 * Places tasks in time order: the unplaced task that can start earliest (ties: the better list
 * priority) starts there, or, on backtrack, not there. With {@link NonDelayPropagator} this walks
 * exactly the schedules a list scheduler can make, and the first dive follows the priority order.
 * The makespan is fixed last, to its least value.
 */
final class ChronologicalSearch extends AbstractStrategy<IntVar> {
    private final IntVar[] starts;
    private final IntVar makespan;
    private final int[] rank;

    /** RANK[i] is task i's position in the preferred priority order. */
    private final SeenStates seen;

    ChronologicalSearch(IntVar[] starts, IntVar makespan, int[] rank, SeenStates seen) {
        super(with(starts, makespan));
        this.seen = seen;
        this.starts = starts;
        this.makespan = makespan;
        this.rank = rank;
    }

    private static IntVar[] with(IntVar[] starts, IntVar makespan) {
        IntVar[] all = java.util.Arrays.copyOf(starts, starts.length + 1);
        all[starts.length] = makespan;
        return all;
    }

    @Override
    public Decision<IntVar> getDecision() {
        int best = -1;
        for (int i = 0; i < starts.length; i++) {
            IntVar s = starts[i];
            if (!s.isInstantiated() && (best < 0 || s.getLB() < starts[best].getLB()
                    || s.getLB() == starts[best].getLB() && rank[i] < rank[best])) {
                best = i;
            }
        }
        if (best >= 0) {
            if (seen != null) {
                seen.record();
            }
            return decision(starts[best], starts[best].getLB());
        }
        if (!makespan.isInstantiated()) {
            return decision(makespan, makespan.getLB());
        }
        return null;
    }

    private Decision<IntVar> decision(IntVar v, int value) {
        return v.getModel().getSolver().getDecisionPath().makeIntDecision(v, DecisionOperatorFactory.makeIntEq(), value);
    }
}
