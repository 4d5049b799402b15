package org.fluxmp.boot.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.json.JsonStyle;

/**
 * One broker fact a decision asked for: its kind and name (attribute, dotted config key, config
 * table or variable; empty for the loaded modules). What a cached plan records and re-checks.
 * equals, hashCode and toString are written out: a record's generated ones are bootstrapped at
 * run time, which the boot path avoids.
 */
public record FactKey(FactKind kind, String name) {
    /** The attribute {@code rank}: every cache check reads it. */
    public static final FactKey RANK = new FactKey(FactKind.ATTR, "rank");
    /** The loaded modules. */
    public static final FactKey LOADED = new FactKey(FactKind.LOADED, "");

    public FactKey {
        if (kind == null || name == null) {
            throw new IllegalArgumentException("a fact key needs a kind and a name");
        }
    }

    /**
     * The fact's current value in FACTS, in the form a cached plan records (null = unset): a
     * table as JSON, the loaded modules as the JSON list of their names, sorted (a real broker
     * lists them in hash order, different in every instance).
     */
    public String valueIn(Facts facts) {
        if (kind == FactKind.TABLE) {
            return tableForm(facts.configTable(name));
        }
        if (kind == FactKind.LOADED) {
            return loadedForm(facts.loadedModules());
        }
        return facts.get(kind, name).orElse(null);
    }

    /** A config table as recorded. */
    public static String tableForm(Map<String, Object> table) {
        return JsonStyle.PYTHON.write(table);
    }

    /** The loaded modules as recorded. */
    public static String loadedForm(Map<String, Set<String>> loaded) {
        List<String> names = new ArrayList<>(loaded.keySet());
        names.sort(null);
        return JsonStyle.PYTHON.write(names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactKey k && k.kind == kind && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + name.hashCode();
    }

    /** {@code prefix:NAME} ({@code attr:rank}), or the prefix alone for the loaded modules: for people, never parsed. */
    @Override
    public String toString() {
        return kind == FactKind.LOADED ? kind.prefix() : kind.prefix() + ":" + name;
    }
}
