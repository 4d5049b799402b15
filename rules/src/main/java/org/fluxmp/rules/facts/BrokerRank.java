package org.fluxmp.rules.facts;

/** The broker rank the decision is for. */
public final class BrokerRank {
    private final int rank;

    public BrokerRank(int rank) {
        this.rank = rank;
    }

    public int getRank() {
        return rank;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BrokerRank)) return false;
        BrokerRank x = (BrokerRank) o;
        return rank == x.rank;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(rank);
    }

    @Override
    public String toString() {
        return "BrokerRank[" + rank + "]";
    }
}
