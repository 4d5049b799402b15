package org.fluxmp.rules;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.facts.Facts;

/**
 * Every broker fact a decision looked at, with the value seen (empty = unset). It is what
 * {@code explain} shows as "facts used", and what a plan cache key must cover.
 */
public final class FactLedger {
    private final Facts facts;
    private final Map<FactKey, Optional<String>> seen = new LinkedHashMap<>();
    private final Set<String> expandedEnv = new LinkedHashSet<>();

    public FactLedger(Facts facts) {
        this.facts = facts;
    }

    public synchronized Optional<String> value(FactKind kind, String key) {
        return seen.computeIfAbsent(new FactKey(kind, key), k -> facts.get(kind, key));
    }

    /** Why a condition failed, in words: {@code needs-attrs content.restore: attribute content.restore is not set}. */
    public String failure(Condition c) {
        return c.failure(value(c.kind(), c.key()));
    }

    /** An environment variable named by {@code ${env:NAME}} in a setup value: bodies see it too (SPEC 3). */
    synchronized Optional<String> expandedEnv(String name) {
        expandedEnv.add(name);
        return value(FactKind.ENV, name);
    }

    /** The variables {@code ${env:...}} named so far, in the order first named. */
    public synchronized List<String> expandedEnvNames() {
        return List.copyOf(expandedEnv);
    }

    /** Each fact asked -> the value seen, in the order first asked. */
    public synchronized Map<FactKey, Optional<String>> seen() {
        return seen;
    }
}
