package org.fluxmp.rules.facts;

import org.fluxmp.rules.Condition;

/**
 * A needs-attrs/needs-config/needs-env entry of a unit, with whether that unit is force-enabled
 * (then its conditions are not checked): the rules need not join the unit to know it.
 */
public record UnitCondition(String owner, Condition condition, boolean ownerForceEnabled) {}
