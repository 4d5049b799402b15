package org.fluxmp.boot.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Broker facts held in memory: what the simulated broker knows, with the preview overrides
 * ({@code --rank --attr --conf --config-file --env}) laid on top.
 */
public final class StaticFacts implements Facts {
    private int rank;
    private int size = 1;
    private final Map<String, String> attrs = new LinkedHashMap<>();
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final Map<String, String> localEnv = new LinkedHashMap<>();
    private final Map<String, String> brokerEnv = new LinkedHashMap<>();
    private final Map<String, Set<String>> loaded = new LinkedHashMap<>();

    public StaticFacts(Map<String, String> localEnv) {
        this.localEnv.putAll(localEnv);
    }

    public StaticFacts rank(int r) { rank = r; return this; }
    public StaticFacts size(int s) { size = s; return this; }
    public int size() { return size; }
    public StaticFacts attr(String k, String v) { attrs.put(k, v); return this; }
    public StaticFacts brokerEnv(String k, String v) { brokerEnv.put(k, v); return this; }
    /** A preview override of the environment: wins over the local one. */
    public StaticFacts env(String k, String v) { localEnv.put(k, v); return this; }
    public StaticFacts loaded(String module, Set<String> services) { loaded.put(module, services); return this; }

    /** Sets a dotted config key; intermediate tables are created. */
    @SuppressWarnings("unchecked")
    public StaticFacts conf(String dottedKey, Object value) {
        List<String> path = List.of(dottedKey.split("\\."));
        Map<String, Object> t = config;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = t.get(path.get(i));
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                t.put(path.get(i), next);
            }
            t = (Map<String, Object>) next;
        }
        t.put(path.get(path.size() - 1), value);
        return this;
    }

    /** Merges a whole config document (e.g. from {@code --config-file} or a sim file's [config]). */
    @SuppressWarnings("unchecked")
    public StaticFacts mergeConfig(Map<String, Object> doc) {
        merge(config, doc);
        return this;
    }

    /** Merges config document FROM into INTO, table by table (a later scalar replaces an earlier value). */
    @SuppressWarnings("unchecked")
    public static void merge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            Object old = into.get(e.getKey());
            if (old instanceof Map && e.getValue() instanceof Map) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) old);
                merge(copy, (Map<String, Object>) e.getValue());
                into.put(e.getKey(), copy);
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    @Override public int rank() { return rank; }

    @Override public Optional<String> attr(String name) { return Optional.ofNullable(attrs.get(name)); }

    @Override
    public Optional<String> config(String dottedKey) {
        Optional<Object> v = lookup(dottedKey);
        return v.isPresent() ? Optional.of(asString(v.get())) : Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> configTable(String dottedKey) {
        Object v = lookup(dottedKey).orElse(null);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    private Optional<Object> lookup(String dottedKey) {
        Object cur = config;
        for (String part : dottedKey.split("\\.")) {
            if (!(cur instanceof Map)) {
                return Optional.empty();
            }
            cur = ((Map<?, ?>) cur).get(part);
            if (cur == null) {
                return Optional.empty();
            }
        }
        return Optional.of(cur);
    }

    private static String asString(Object v) {
        return v instanceof String ? (String) v : String.valueOf(v);
    }

    @Override
    public Optional<String> env(String name) {
        String v = localEnv.get(name);
        return Optional.ofNullable(v != null ? v : brokerEnv.get(name));
    }

    @Override public Map<String, Set<String>> loadedModules() { return loaded; }

    public Map<String, String> attrs() { return attrs; }
    public Map<String, Object> config() { return config; }
    public Map<String, String> brokerEnv() { return brokerEnv; }
}
