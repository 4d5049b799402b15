package org.fluxmp.rules.facts;

import org.fluxmp.boot.facts.FactKind;

/** A broker fact that is set, fetched because some condition names it. */
public record KnownValue(FactKind kind, String key, String value) {}
