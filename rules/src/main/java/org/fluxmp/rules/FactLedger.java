package org.fluxmp.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.facts.Facts;

/**
 * Every broker fact a decision looked at, with the value seen (empty = unset). It is what
 * {@code explain} shows as "facts used", and what a plan cache key must cover.
 */
public final class FactLedger {
    private final Facts facts;
    private final Map<String, Optional<String>> seen = new LinkedHashMap<>();

    public FactLedger(Facts facts) {
        this.facts = facts;
    }

    public synchronized Optional<String> value(FactKind kind, String key) {
        return seen.computeIfAbsent(kind.prefix() + ":" + key, k -> facts.get(kind, key));
    }

    /** Why a condition failed, in words: {@code needs-attrs content.restore: attribute content.restore is not set}. */
    public String failure(Condition c) {
        return c.failure(value(c.kind(), c.key()));
    }

    /** {@code kind:key} -> value seen, in the order first asked. */
    public synchronized Map<String, Optional<String>> seen() {
        return seen;
    }
}
