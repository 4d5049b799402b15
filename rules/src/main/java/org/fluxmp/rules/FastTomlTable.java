package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/** A table with its keys in the order written and each key's position. */
final class FastTomlTable implements TomlParseResult {
    enum Kind { DEFINED, IMPLICIT, DOTTED, INLINE }

    final Kind kind;
    final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, TomlPosition> positions = new LinkedHashMap<>();

    FastTomlTable(Kind kind) {
        this.kind = kind;
    }

    void put(String key, Object value, TomlPosition at) {
        values.put(key, value);
        positions.put(key, at);
    }

    @Override public int size() { return values.size(); }
    @Override public boolean isEmpty() { return values.isEmpty(); }
    @Override public Set<String> keySet() { return Collections.unmodifiableSet(values.keySet()); }
    @Override public List<TomlParseError> errors() { return List.of(); }

    @Override
    public Set<List<String>> keyPathSet(boolean includeTables) {
        Set<List<String>> out = new LinkedHashSet<>();
        for (Map.Entry<List<String>, Object> e : entryPathSet(includeTables)) {
            out.add(e.getKey());
        }
        return out;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(values).entrySet();
    }

    @Override
    public Set<Map.Entry<List<String>, Object>> entryPathSet(boolean includeTables) {
        Map<List<String>, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof FastTomlTable t) {
                if (includeTables) {
                    out.put(List.of(e.getKey()), t);
                }
                for (Map.Entry<List<String>, Object> sub : t.entryPathSet(includeTables)) {
                    List<String> path = new ArrayList<>();
                    path.add(e.getKey());
                    path.addAll(sub.getKey());
                    out.put(path, sub.getValue());
                }
            } else {
                out.put(List.of(e.getKey()), e.getValue());
            }
        }
        return out.entrySet();
    }

    @Override
    public Object get(List<String> path) {
        Object cur = this;
        for (String k : path) {
            if (!(cur instanceof FastTomlTable t)) {
                return null;
            }
            cur = t.values.get(k);
        }
        return cur;
    }

    @Override
    public TomlPosition inputPositionOf(List<String> path) {
        if (path.isEmpty()) {
            return TomlPosition.positionAt(1, 1);
        }
        Object parent = get(path.subList(0, path.size() - 1));
        return parent instanceof FastTomlTable t ? t.positions.get(path.get(path.size() - 1)) : null;
    }

    @Override
    public Map<String, Object> toMap() {
        return Collections.unmodifiableMap(values);
    }
}
