package org.fluxmp.rules.facts;

/** A unit in the active set of a run, and what put it there. */
public record Active(String name, String via, String rule) {}
