package org.fluxmp.rules.facts;

/** A unit is not enabled: the rule that said so and why. */
public record Blocked(String name, String rule, String reason) {}
