package org.fluxmp.boot.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.facts.Facts;

/**
 * Facts that remember every question asked and the answer given: exactly the facts a decision
 * depended on, which a cached plan must see again before it is trusted. The rank is not recorded
 * here: the cache records which rank expressions matched instead, so ranks that decide alike share
 * a plan.
 */
public final class RecordingFacts implements Facts {
    private final Facts inner;
    private final Map<FactKey, String> seen = new LinkedHashMap<>();

    public RecordingFacts(Facts inner) {
        this.inner = inner;
    }

    private synchronized Optional<String> note(FactKind kind, String name, Optional<String> value) {
        seen.putIfAbsent(new FactKey(kind, name), value.orElse(null));
        return value;
    }

    @Override public int rank() { return inner.rank(); }
    @Override public Optional<String> attr(String name) { return note(FactKind.ATTR, name, inner.attr(name)); }
    @Override public Optional<String> config(String key) { return note(FactKind.CONFIG, key, inner.config(key)); }
    @Override public Optional<String> env(String name) { return note(FactKind.ENV, name, inner.env(name)); }

    @Override
    public Map<String, Object> configTable(String key) {
        Map<String, Object> t = inner.configTable(key);
        note(FactKind.TABLE, key, Optional.of(FactKey.tableForm(t)));
        return t;
    }

    @Override
    public Map<String, Set<String>> loadedModules() {
        Map<String, Set<String>> m = inner.loadedModules();
        note(FactKind.LOADED, FactKey.LOADED.name(), Optional.of(FactKey.loadedForm(m)));
        return m;
    }

    /** Each fact asked -> the value seen, in its recorded form (null = unset), in the order first asked. */
    public synchronized Map<FactKey, String> seen() {
        return new LinkedHashMap<>(seen);
    }
}
