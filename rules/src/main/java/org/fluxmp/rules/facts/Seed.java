package org.fluxmp.rules.facts;

/** A name the run asks for: an rc task, a setup {@code load}, or a direct requirement of one. */
public record Seed(String service, String via, boolean fromLoad) {}
