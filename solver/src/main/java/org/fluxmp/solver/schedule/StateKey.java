package org.fluxmp.solver.schedule;

import java.util.Arrays;

/** A search state as numbers, for a set of states already explored: equal when the numbers are. */
final class StateKey {
    private final long[] k;
    private final int hash;

    StateKey(long[] k) {
        this.k = k;
        this.hash = Arrays.hashCode(k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateKey other && other.hash == hash && Arrays.equals(other.k, k);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
