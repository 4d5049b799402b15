package org.fluxmp.rules.facts;

/** A unit's {@code needs} entry. */
public record Need(String owner, String service) {}
