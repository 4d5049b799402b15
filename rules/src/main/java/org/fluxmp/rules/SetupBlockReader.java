package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.facts.FactKind;
import org.tomlj.TomlTable;

/** Reads one {@code [setup]} or {@code [[setup.when]]} table of an rc file into a {@link SetupBlock}. */
final class SetupBlockReader {
    private final RcSite site;
    private final boolean conditional;
    private final String where;
    private final List<Condition> when = new ArrayList<>();
    private final Map<String, String> setopt = new LinkedHashMap<>();
    private final Map<String, String> overwrite = new LinkedHashMap<>();
    private final Map<String, String> alternatives = new LinkedHashMap<>();
    private List<String> enable = List.of();
    private List<String> load = List.of();
    private List<String> remove;
    private List<String> disable = List.of();
    private String run;

    private SetupBlockReader(RcSite site, boolean conditional) {
        this.site = site;
        this.conditional = conditional;
        this.where = conditional ? "setup.when" : "setup";
    }

    /** Table T, at LINE, as a setup block ({@code [[setup.when]]} if CONDITIONAL), or null if it has problems. */
    static SetupBlock read(RcSite site, int line, TomlTable t, boolean conditional) {
        int before = site.problems().size();
        SetupBlockReader r = new SetupBlockReader(site, conditional);
        for (String key : TomlValues.keysInOrder(t)) {
            r.entry(key, t.get(List.of(key)), TomlValues.lineOf(t, key));
        }
        if (site.problems().size() > before) {
            return null;
        }
        return new SetupBlock(site.place(line), r.when, r.setopt, r.overwrite, r.alternatives, r.enable, r.load,
                r.remove, r.disable, r.run);
    }

    private void entry(String key, Object v, int keyLine) {
        switch (key) {
            case "when":
                if (conditional) {
                    site.problem(keyLine, "setup.when: 'when' cannot be nested");
                }
                break;
            case "needs-attrs":
            case "needs-config":
            case "needs-env":
                conditions(key, v, keyLine);
                break;
            case "setopt":
                stringTable(keyLine, key, v, setopt);
                break;
            case "setopt-overwrite":
                stringTable(keyLine, key, v, overwrite);
                break;
            case "alternatives":
                stringTable(keyLine, key, v, alternatives);
                break;
            case "enable":
                enable = strings(keyLine, key, v);
                break;
            case "load":
                load = strings(keyLine, key, v);
                break;
            case "disable":
                disable = strings(keyLine, key, v);
                break;
            case "remove":
                remove = "all".equals(v) ? List.of("all") : strings(keyLine, key, v);
                break;
            case "run":
                if (v instanceof String) {
                    run = (String) v;
                } else {
                    site.problem(keyLine, where + ": " + UnitKeys.typeError(key, "a string", v));
                }
                break;
            default:
                site.problem(keyLine, where + ": unknown setup key " + key + UnitKeys.hint(key, SetupBlock.KEYS));
        }
    }

    /** A needs-attrs, needs-config or needs-env KEY: allowed in {@code [[setup.when]]} only. */
    private void conditions(String key, Object v, int keyLine) {
        if (!conditional) {
            site.problem(keyLine, "setup: conditions go in [[setup.when]], not [setup] (key " + key + ")");
            return;
        }
        List<String> conds = strings(keyLine, key, v);
        FactKind kind = key.equals("needs-attrs") ? FactKind.ATTR : key.equals("needs-config") ? FactKind.CONFIG : FactKind.ENV;
        for (String c : conds) {
            when.add(Condition.parse(kind, c));
        }
    }

    private List<String> strings(int line, String key, Object v) {
        List<String> list = TomlValues.strings(v);
        if (list == null) {
            site.problem(line, where + ": " + UnitKeys.typeError(key, "an array of strings", v));
            return List.of();
        }
        return list;
    }

    private void stringTable(int line, String key, Object v, Map<String, String> out) {
        if (!(v instanceof TomlTable)) {
            site.problem(line, where + ": " + UnitKeys.typeError(key, "a table of strings", v));
            return;
        }
        TomlTable t = (TomlTable) v;
        for (String k : TomlValues.keysInOrder(t)) {
            Object s = t.get(List.of(k));
            if (!(s instanceof String)) {
                int l = TomlValues.lineOf(t, k);
                site.problem(l > 0 ? l : line, where + ": " + UnitKeys.typeError(key + "." + k, "a string", s));
            } else {
                out.put(k, (String) s);
            }
        }
    }
}
