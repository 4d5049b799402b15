package org.fluxmp.boot.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.json.JsonStyle;

/**
 * Facts that remember every question asked and the answer given: exactly the facts a decision
 * depended on, which a cached plan must see again before it is trusted. The rank is not recorded
 * here: the cache records which rank expressions matched instead, so ranks that decide alike share
 * a plan.
 */
public final class RecordingFacts implements Facts {
    private final Facts inner;
    private final Map<String, String> seen = new LinkedHashMap<>();

    public RecordingFacts(Facts inner) {
        this.inner = inner;
    }

    private synchronized Optional<String> note(String key, Optional<String> value) {
        seen.putIfAbsent(key, value.orElse(null));
        return value;
    }

    @Override public int rank() { return inner.rank(); }
    @Override public Optional<String> attr(String name) { return note("attr:" + name, inner.attr(name)); }
    @Override public Optional<String> config(String key) { return note("config:" + key, inner.config(key)); }
    @Override public Optional<String> env(String name) { return note("env:" + name, inner.env(name)); }

    @Override
    public Map<String, Object> configTable(String key) {
        Map<String, Object> t = inner.configTable(key);
        note("table:" + key, Optional.of(JsonStyle.PYTHON.write(t)));
        return t;
    }

    @Override
    public Map<String, Set<String>> loadedModules() {
        Map<String, Set<String>> m = inner.loadedModules();
        note("loaded", Optional.of(loadedForm(m)));
        return m;
    }

    /** kind:key -> value seen (null = unset), in the order first asked. */
    public synchronized Map<String, String> seen() {
        return new LinkedHashMap<>(seen);
    }

    /** Loaded modules as a set: a real broker lists them in hash order, different in every instance. */
    private static String loadedForm(Map<String, Set<String>> loaded) {
        java.util.List<String> names = new ArrayList<>(loaded.keySet());
        names.sort(null);
        return JsonStyle.PYTHON.write(names);
    }

    /** The current answer to a recorded question, in the recorded form. */
    static String answer(Facts facts, String question) {
        int colon = question.indexOf(':');
        String kind = colon < 0 ? question : question.substring(0, colon);
        String key = colon < 0 ? "" : question.substring(colon + 1);
        switch (kind) {
            case "attr": return facts.attr(key).orElse(null);
            case "config": return facts.config(key).orElse(null);
            case "env": return facts.env(key).orElse(null);
            case "table": return JsonStyle.PYTHON.write(facts.configTable(key));
            case "loaded": return loadedForm(facts.loadedModules());
            default: throw new IllegalArgumentException("unknown recorded fact " + question);
        }
    }
}
