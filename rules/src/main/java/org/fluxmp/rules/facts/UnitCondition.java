package org.fluxmp.rules.facts;

import org.fluxmp.rules.Condition;

/** A needs-attrs/needs-config/needs-env entry of a unit. */
public final class UnitCondition {
    private final String owner;
    private final Condition condition;

    public UnitCondition(String owner, Condition condition) {
        this.owner = owner;
        this.condition = condition;
    }

    public String getOwner() {
        return owner;
    }

    public Condition getCondition() {
        return condition;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UnitCondition)) return false;
        UnitCondition x = (UnitCondition) o;
        return java.util.Objects.equals(owner, x.owner) && java.util.Objects.equals(condition, x.condition);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(owner, condition);
    }

    @Override
    public String toString() {
        return "UnitCondition[" + owner + ", " + condition + "]";
    }
}
