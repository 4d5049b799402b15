package org.fluxmp.rules.facts;

/** An enabled unit whose need has no viable provider anywhere in the config. */
public record NotViable(String name, String need, String rule) {}
