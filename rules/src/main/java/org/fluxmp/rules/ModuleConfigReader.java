package org.fluxmp.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.Problem;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads {@code modprobe.toml} and {@code modprobe.d/*.toml} into a {@link UnitTable}: new entries,
 * second entries that update, {@code NAME.KEY = VALUE} update tables and {@code alternatives}.
 * Problems are collected, never thrown, so that {@code verify} can report them all.
 */
final class ModuleConfigReader {
    private final UnitTable table;
    private final List<Problem> problems;
    private final List<Object[]> pendingAlternatives = new java.util.ArrayList<>();

    ModuleConfigReader(UnitTable table, List<Problem> problems) {
        this.table = table;
        this.problems = problems;
    }

    void read(Path file) {
        TomlParseResult doc = TomlFiles.parse(file, problems);
        if (doc == null) {
            return;
        }
        String name = file.toString();
        for (String key : TomlValues.keysInOrder(doc)) {
            Object value = doc.get(List.of(key));
            int line = TomlValues.lineOf(doc, key);
            if (key.equals("modules")) {
                if (!TomlValues.isTableArray(value)) {
                    problems.add(new Problem(name, line, "'modules' must be an array of tables ([[modules]])"));
                    continue;
                }
                TomlArray entries = (TomlArray) value;
                for (int i = 0; i < entries.size(); i++) {
                    readEntry(name, line, entries.getTable(i));
                }
            } else if (key.equals("alternatives")) {
                // applied once every file is read, so that a later drop-in's priorities cannot undo it
                pendingAlternatives.add(new Object[] {name, line, value});
            } else if (value instanceof TomlTable) {
                TomlTable t = (TomlTable) value;
                update(key, plainTable(t), k -> new Place(name, TomlValues.lineOf(t, k) > 0 ? TomlValues.lineOf(t, k) : line));
            } else {
                problems.add(new Problem(name, line, "invalid config key " + key));
            }
        }
    }

    private void readEntry(String file, int arrayLine, TomlTable entry) {
        int line = TomlValues.firstLine(entry, arrayLine);
        Object nameValue = entry.get(List.of("name"));
        if (nameValue == null) {
            problems.add(new Problem(file, line, "Missing required config key 'name'"));
            return;
        }
        if (!(nameValue instanceof String) || ((String) nameValue).isEmpty()) {
            problems.add(new Problem(file, TomlValues.lineOf(entry, "name"), UnitKeys.typeError("name", "a non-empty string", nameValue)));
            return;
        }
        String unitName = (String) nameValue;
        Unit existing = table.unit(unitName).orElse(null);
        if (existing != null && !existing.isModule()) {
            problems.add(new Problem(file, line, unitName + ": a task of this name exists already"));
            return;
        }
        Map<String, Object> checked = new java.util.LinkedHashMap<>();
        for (String key : TomlValues.keysInOrder(entry)) {
            int keyLine = TomlValues.lineOf(entry, key);
            if (!UnitKeys.MODULE_KEYS.contains(key)) {
                problems.add(new Problem(file, keyLine, unitName + ": invalid config key " + key + UnitKeys.hint(key, UnitKeys.MODULE_KEYS)));
                continue;
            }
            if (key.equals("name")) {
                continue;
            }
            String err = UnitKeys.check(key, entry.get(List.of(key)), v -> checked.put(key, v));
            if (err != null) {
                problems.add(new Problem(file, keyLine, unitName + ": " + err));
            }
        }
        // keep the good keys even when others are bad: verify then also checks names they mention
        Unit unit = existing != null ? existing : table.add(unitName, Unit.Kind.MODULE, new Place(file, line));
        for (Map.Entry<String, Object> e : checked.entrySet()) {
            unit.set(e.getKey(), e.getValue(), new Place(file, TomlValues.lineOf(entry, e.getKey())));
        }
        if (checked.containsKey("provides")) {
            table.reindex(unit);
        }
    }

    /** {@code NAME.KEY = VALUE}: updates the unit NAME or the provider currently chosen for service NAME. */
    void update(String target, Map<String, Object> updates, java.util.function.Function<String, Place> placeOf) {
        Unit unit = table.unit(target).orElseGet(() -> table.staticProvider(target).orElse(null));
        if (unit == null) {
            Place p = placeOf.apply("");
            problems.add(new Problem(p.file(), p.line(), "no such task or module " + target));
            return;
        }
        List<String> valid = unit.isModule() ? UnitKeys.MODULE_KEYS : UnitKeys.TASK_KEYS;
        for (Map.Entry<String, Object> e : updates.entrySet()) {
            String key = e.getKey();
            Place place = placeOf.apply(key);
            if (key.equals("name") || !valid.contains(key) || List.of("run", "rpc", "java", "payload").contains(key)) {
                problems.add(new Problem(place.file(), place.line(), target + ": invalid config key " + key + UnitKeys.hint(key, valid)));
                continue;
            }
            String err = UnitKeys.check(key, e.getValue(), v -> unit.set(key, v, place));
            if (err != null) {
                problems.add(new Problem(place.file(), place.line(), target + ": " + err));
            } else if (key.equals("provides")) {
                table.reindex(unit);
            }
        }
    }

    /** Broker config {@code [modules]}: the updates first, then the alternatives (SPEC 2). */
    void applyBrokerModules(Map<String, Object> modules) {
        String where = "broker config [modules]";
        for (Map.Entry<String, Object> e : modules.entrySet()) {
            if (e.getKey().equals("alternatives")) {
                continue;
            }
            String target = e.getKey();
            if (!(e.getValue() instanceof Map)) {
                problems.add(new Problem(where, 0, "modules." + target + ": expected a table of updates"));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> updates = (Map<String, Object>) e.getValue();
            update(target, updates, k -> new Place(where, 0));
        }
        Object alts = modules.get("alternatives");
        if (alts instanceof Map) {
            for (Map.Entry<?, ?> a : ((Map<?, ?>) alts).entrySet()) {
                if (!(a.getValue() instanceof String)) {
                    problems.add(new Problem(where, 0, "modules.alternatives." + a.getKey() + ": expected a string"));
                    continue;
                }
                try {
                    table.setAlternative(String.valueOf(a.getKey()), (String) a.getValue(), "modules.alternatives in broker config");
                } catch (ToolException ex) {
                    problems.add(new Problem(where, 0, ex.problems().get(0).message()));
                }
            }
        } else if (alts != null) {
            problems.add(new Problem(where, 0, "modules.alternatives: expected a table"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plainTable(TomlTable t) {
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        for (String k : TomlValues.keysInOrder(t)) {
            ordered.put(k, TomlValues.plain(t.get(List.of(k))));
        }
        return ordered;
    }

    /** The {@code alternatives} tables of every file read, in file order (SPEC 2: they force the choice). */
    void applyAlternatives() {
        for (Object[] a : pendingAlternatives) {
            readAlternatives((String) a[0], (Integer) a[1], a[2], "alternatives in " + a[0]);
        }
        pendingAlternatives.clear();
    }

    void readAlternatives(String file, int line, Object value, String why) {
        if (!(value instanceof TomlTable)) {
            problems.add(new Problem(file, line, "'alternatives' must be a table of SERVICE = \"MODULE\""));
            return;
        }
        TomlTable alts = (TomlTable) value;
        for (String service : TomlValues.keysInOrder(alts)) {
            Object module = alts.get(List.of(service));
            int keyLine = TomlValues.lineOf(alts, service);
            keyLine = keyLine > 0 ? keyLine : line;
            if (!(module instanceof String)) {
                problems.add(new Problem(file, keyLine, "alternatives." + service + ": " + UnitKeys.typeError(service, "a string", module)));
                continue;
            }
            try {
                table.setAlternative(service, (String) module, why);
            } catch (ToolException e) {
                problems.add(new Problem(file, keyLine, e.problems().get(0).message()));
            }
        }
    }
}
