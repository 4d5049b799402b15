package org.fluxmp.rules.facts;

/** An active unit skipped because a need has no provider left in the active set. */
public record Skipped(String name, String need, String rule) {}
