package org.fluxmp.rules.facts;

import org.fluxmp.rules.Condition;

/**
 * A needs-attrs/needs-config/needs-env entry of a unit, with whether that unit is force-enabled
 * (then its conditions are not checked): the rules need not join the unit to know it.
 */
public final class UnitCondition {
    private final String owner;
    private final Condition condition;
    private final boolean ownerForceEnabled;

    public UnitCondition(String owner, Condition condition, boolean ownerForceEnabled) {
        this.owner = owner;
        this.condition = condition;
        this.ownerForceEnabled = ownerForceEnabled;
    }

    public String getOwner() {
        return owner;
    }

    public boolean isOwnerForceEnabled() {
        return ownerForceEnabled;
    }

    public Condition getCondition() {
        return condition;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UnitCondition)) return false;
        UnitCondition x = (UnitCondition) o;
        return java.util.Objects.equals(owner, x.owner) && java.util.Objects.equals(condition, x.condition)
                && ownerForceEnabled == x.ownerForceEnabled;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(owner, condition, ownerForceEnabled);
    }

    @Override
    public String toString() {
        return "UnitCondition[" + owner + ", " + condition + "]";
    }
}
