package org.fluxmp.solver.schedule;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.chocosolver.solver.variables.IntVar;

/**
 * A transposition table for the search: the states of nodes already explored. A state is what
 * the rest of the schedule depends on: the tasks done, the earliest starts of the tasks not yet
 * placed, the starts of placed tasks something still waits for (or that start later), and when
 * the workers of the other running tasks free. Two orders that lead to the same state, such as
 * the same tasks shared among workers in another order, have the same completions, so the second
 * one need not be searched again.
 */
final class SeenStates {
    private final IntVar[] starts;
    private final int[] duration;
    private final int[][] successors;
    private final Set<StateKey> seen = new HashSet<>();

    SeenStates(IntVar[] starts, TaskGraph g) {
        this.starts = starts;
        this.duration = new int[g.size()];
        this.successors = new int[g.size()][];
        for (int i = 0; i < duration.length; i++) {
            duration[i] = g.duration(i);
            successors[i] = g.successors(i);
        }
    }

    /** Records the current node's state as explored (called at a node's fixpoint, before branching). */
    void record() {
        seen.add(key());
    }

    /** Whether the current state is that of an explored node. */
    boolean explored() {
        return seen.contains(key());
    }

    private StateKey key() {
        int n = starts.length;
        long horizon = Long.MAX_VALUE;
        for (IntVar s : starts) {
            if (!s.isInstantiated()) {
                horizon = Math.min(horizon, s.getLB());
            }
        }
        long[] k = new long[n + n];
        int anonymous = 0;
        for (int i = 0; i < n; i++) {
            IntVar s = starts[i];
            if (!s.isInstantiated()) {
                k[i] = -2 - s.getLB();
            } else if ((long) s.getValue() + duration[i] <= horizon) {
                k[i] = -1;
            } else if (s.getValue() <= horizon && successorsPlaced(i)) {
                // running, and nothing left waits for it: only when its worker frees matters
                k[i] = -1;
                k[n + anonymous++] = s.getValue() + duration[i];
            } else {
                k[i] = s.getValue();
            }
        }
        Arrays.sort(k, n, n + anonymous);
        return new StateKey(Arrays.copyOf(k, n + anonymous));
    }

    private boolean successorsPlaced(int i) {
        for (int j : successors[i]) {
            if (!starts[j].isInstantiated()) {
                return false;
            }
        }
        return true;
    }
}
