package org.fluxmp.rules.facts;

/** A requested unit left out of the active set because it is not enabled. */
public record Dropped(String name, String via) {}
