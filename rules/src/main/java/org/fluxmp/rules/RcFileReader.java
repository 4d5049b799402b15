package org.fluxmp.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.facts.FactKind;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads an rc file ({@code rc1.toml}, {@code rcN.d/*.toml}, or a file given to {@code run}): the
 * {@code [setup]} table, its {@code [[setup.when]]} tables and the {@code [[task]]} entries, which
 * join the unit table. Problems are collected, never thrown.
 */
final class RcFileReader {
    private final UnitTable table;
    private final List<Problem> problems;

    /** Where a line of the document read is in its file: itself for TOML, a task's decorator for Python. */
    private IntUnaryOperator lines = IntUnaryOperator.identity();
    /** Whether tasks may have a {@code python} body (a Python drop-in's, described by the bridge). */
    private boolean pythonBodies;

    RcFileReader(UnitTable table, List<Problem> problems) {
        this.table = table;
        this.problems = problems;
    }

    RcFile read(Path path) {
        TomlParseResult doc = TomlFiles.parse(path, problems);
        return doc == null ? new RcFile(path.toString(), List.of(), List.of()) : read(path.toString(), doc);
    }

    /**
     * A Python drop-in FILE as its bridge described it: DOC's tasks and setup, with {@code python}
     * bodies, each line of DOC standing for line LINES(line) of FILE.
     */
    RcFile readDescribed(String file, TomlParseResult doc, IntUnaryOperator lines) {
        this.lines = lines;
        this.pythonBodies = true;
        return read(file, doc);
    }

    private Problem problem(String file, int line, String message) {
        return new Problem(file, lines.applyAsInt(line), message);
    }

    private Place place(String file, int line) {
        return new Place(file, lines.applyAsInt(line));
    }

    private RcFile read(String file, TomlParseResult doc) {
        List<SetupBlock> setup = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        for (String key : TomlValues.keysInOrder(doc)) {
            Object value = doc.get(List.of(key));
            int line = TomlValues.lineOf(doc, key);
            if (key.equals("task")) {
                if (!TomlValues.isTableArray(value)) {
                    problems.add(problem(file, line, "'task' must be an array of tables ([[task]])"));
                    continue;
                }
                TomlArray entries = (TomlArray) value;
                for (int i = 0; i < entries.size(); i++) {
                    String name = readTask(file, line, entries.getTable(i));
                    if (name != null) {
                        tasks.add(name);
                    }
                }
            } else if (key.equals("setup")) {
                if (!(value instanceof TomlTable)) {
                    problems.add(problem(file, line, "'setup' must be a table ([setup])"));
                    continue;
                }
                readSetup(file, line, (TomlTable) value, setup);
            } else {
                problems.add(problem(file, line, "unknown top-level key '" + key + "' (expected [setup] or [[task]])"));
            }
        }
        return new RcFile(file, setup, tasks);
    }

    private String readTask(String file, int arrayLine, TomlTable entry) {
        int line = lineOfTable(entry, arrayLine);
        Object nameValue = entry.get(List.of("name"));
        if (!(nameValue instanceof String) || ((String) nameValue).isEmpty()) {
            problems.add(problem(file, line, nameValue == null ? "missing required name argument"
                    : "task: " + UnitKeys.typeError("name", "a non-empty string", nameValue)));
            return null;
        }
        String name = (String) nameValue;
        Map<String, Object> checked = new LinkedHashMap<>();
        boolean ok = true;
        List<String> bodies = new ArrayList<>();
        for (String key : TomlValues.keysInOrder(entry)) {
            int keyLine = TomlValues.lineOf(entry, key);
            if (!UnitKeys.TASK_KEYS.contains(key) && !(pythonBodies && key.equals("python"))) {
                problems.add(problem(file, keyLine, name + ": unknown task argument " + key + UnitKeys.hint(key, UnitKeys.TASK_KEYS)));
                ok = false;
                continue;
            }
            if (key.equals("name")) {
                continue;
            }
            if (key.equals("run") || key.equals("rpc") || key.equals("java") || key.equals("python")) {
                bodies.add(key);
            }
            String err = UnitKeys.check(key, entry.get(List.of(key)), v -> checked.put(key, v));
            if (err != null) {
                problems.add(problem(file, keyLine, name + ": " + err));
                ok = false;
            }
        }
        if (bodies.size() != 1) {
            problems.add(problem(file, line, name + (bodies.isEmpty()
                    ? ": a task needs one body: run, rpc or java"
                    : ": a task has exactly one body, found " + String.join(" and ", bodies))));
            ok = false;
        } else if (checked.containsKey("payload") && !bodies.get(0).equals("rpc")) {
            problems.add(problem(file, TomlValues.lineOf(entry, "payload"), name + ": 'payload' goes only with 'rpc'"));
            ok = false;
        }
        if (ok) {
            ok = checkStar(file, line, name, checked);
        }
        if (table.unit(name).isPresent()) {
            Unit other = table.unit(name).get();
            problems.add(problem(file, line, (other.isModule() ? "task name " + name + " is already a module name"
                    : "duplicate task name " + name) + " (first defined at " + other.getDefinedAt() + ")"));
            return null;
        }
        // a task with problems still joins the table, so that verify checks the names it mentions;
        // the problems stop every other command before anything runs
        Unit unit = table.add(name, Unit.Kind.TASK, place(file, line));
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) checked.remove("payload");
        for (String bodyKey : bodies) {
            Object text = checked.remove(bodyKey);
            if (ok && text != null) {
                Body body = new Body(Body.Kind.valueOf(bodyKey.toUpperCase()), (String) text, payload);
                unit.set("body", body, place(file, TomlValues.lineOf(entry, bodyKey)));
            }
        }
        if (!ok) {
            // before/after that broke the `*` rule would only add a confusing cycle report
            checked.remove("before");
            checked.remove("after");
        }
        for (Map.Entry<String, Object> e : checked.entrySet()) {
            unit.set(e.getKey(), e.getValue(), place(file, TomlValues.lineOf(entry, e.getKey())));
        }
        if (checked.containsKey("provides")) {
            table.reindex(unit);
        }
        return name;
    }

    /** {@code before=["*"]} excludes any {@code after}, and the mirror (the original's phrases). */
    private boolean checkStar(String file, int line, String name, Map<String, Object> checked) {
        @SuppressWarnings("unchecked")
        List<String> before = (List<String>) checked.getOrDefault("before", List.of());
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) checked.getOrDefault("after", List.of());
        if (before.contains("*") && !after.isEmpty()) {
            problems.add(problem(file, line, name + ": cannot specify 'before=[\"*\"]' when 'after' is also set (after="
                    + pyList(after) + ")"));
            return false;
        }
        if (after.contains("*") && !before.isEmpty()) {
            problems.add(problem(file, line, name + ": cannot specify 'after=[\"*\"]' when 'before' is also set (before="
                    + pyList(before) + ")"));
            return false;
        }
        return true;
    }

    static String pyList(List<String> list) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            sb.append(i > 0 ? ", " : "").append('\'').append(list.get(i)).append('\'');
        }
        return sb.append(']').toString();
    }

    private void readSetup(String file, int line, TomlTable setup, List<SetupBlock> out) {
        SetupBlock main = readSetupBlock(file, TomlValues.firstLine(setup, line), setup, false);
        if (main != null) {
            out.add(main);
        }
        Object when = setup.get(List.of("when"));
        if (when == null) {
            return;
        }
        if (!TomlValues.isTableArray(when)) {
            problems.add(problem(file, TomlValues.lineOf(setup, "when"), "'setup.when' must be an array of tables ([[setup.when]])"));
            return;
        }
        TomlArray blocks = (TomlArray) when;
        for (int i = 0; i < blocks.size(); i++) {
            TomlTable t = blocks.getTable(i);
            SetupBlock b = readSetupBlock(file, lineOfTable(t, line), t, true);
            if (b != null) {
                out.add(b);
            }
        }
    }

    private SetupBlock readSetupBlock(String file, int line, TomlTable t, boolean conditional) {
        String where = conditional ? "setup.when" : "setup";
        int before = problems.size();
        List<Condition> when = new ArrayList<>();
        Map<String, String> setopt = new LinkedHashMap<>();
        Map<String, String> overwrite = new LinkedHashMap<>();
        Map<String, String> alternatives = new LinkedHashMap<>();
        List<String> enable = List.of();
        List<String> load = List.of();
        List<String> remove = null;
        List<String> disable = List.of();
        String run = null;
        for (String key : TomlValues.keysInOrder(t)) {
            Object v = t.get(List.of(key));
            int keyLine = TomlValues.lineOf(t, key);
            switch (key) {
                case "when":
                    if (conditional) {
                        problems.add(problem(file, keyLine, "setup.when: 'when' cannot be nested"));
                    }
                    break;
                case "needs-attrs":
                case "needs-config":
                case "needs-env":
                    if (!conditional) {
                        problems.add(problem(file, keyLine, "setup: conditions go in [[setup.when]], not [setup] (key " + key + ")"));
                        break;
                    }
                    List<String> conds = strings(file, keyLine, where, key, v);
                    FactKind kind = key.equals("needs-attrs") ? FactKind.ATTR : key.equals("needs-config") ? FactKind.CONFIG : FactKind.ENV;
                    for (String c : conds) {
                        when.add(Condition.parse(kind, c));
                    }
                    break;
                case "setopt":
                    stringTable(file, keyLine, where, key, v, setopt);
                    break;
                case "setopt-overwrite":
                    stringTable(file, keyLine, where, key, v, overwrite);
                    break;
                case "alternatives":
                    stringTable(file, keyLine, where, key, v, alternatives);
                    break;
                case "enable":
                    enable = strings(file, keyLine, where, key, v);
                    break;
                case "load":
                    load = strings(file, keyLine, where, key, v);
                    break;
                case "disable":
                    disable = strings(file, keyLine, where, key, v);
                    break;
                case "remove":
                    if ("all".equals(v)) {
                        remove = List.of("all");
                    } else {
                        remove = strings(file, keyLine, where, key, v);
                    }
                    break;
                case "run":
                    if (v instanceof String) {
                        run = (String) v;
                    } else {
                        problems.add(problem(file, keyLine, where + ": " + UnitKeys.typeError(key, "a string", v)));
                    }
                    break;
                default:
                    problems.add(problem(file, keyLine, where + ": unknown setup key " + key + UnitKeys.hint(key, SetupBlock.KEYS)));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new SetupBlock(place(file, line), when, setopt, overwrite, alternatives, enable, load, remove, disable, run);
    }

    private List<String> strings(String file, int line, String where, String key, Object v) {
        List<String> list = TomlValues.strings(v);
        if (list == null) {
            problems.add(problem(file, line, where + ": " + UnitKeys.typeError(key, "an array of strings", v)));
            return List.of();
        }
        return list;
    }

    private void stringTable(String file, int line, String where, String key, Object v, Map<String, String> out) {
        if (!(v instanceof TomlTable)) {
            problems.add(problem(file, line, where + ": " + UnitKeys.typeError(key, "a table of strings", v)));
            return;
        }
        TomlTable t = (TomlTable) v;
        for (String k : TomlValues.keysInOrder(t)) {
            Object s = t.get(List.of(k));
            if (!(s instanceof String)) {
                int l = TomlValues.lineOf(t, k);
                problems.add(problem(file, l > 0 ? l : line, where + ": " + UnitKeys.typeError(key + "." + k, "a string", s)));
            } else {
                out.put(k, (String) s);
            }
        }
    }

    private static int lineOfTable(TomlTable t, int fallback) {
        return TomlValues.firstLine(t, fallback);
    }
}
