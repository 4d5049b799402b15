package org.fluxmp.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.fluxmp.boot.Problem;
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

    private RcFile read(String file, TomlParseResult doc) {
        RcSite site = new RcSite(file, lines, problems);
        List<SetupBlock> setup = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        for (String key : TomlValues.keysInOrder(doc)) {
            Object value = doc.get(List.of(key));
            int line = TomlValues.lineOf(doc, key);
            if (key.equals("task")) {
                if (!TomlValues.isTableArray(value)) {
                    site.problem(line, "'task' must be an array of tables ([[task]])");
                    continue;
                }
                TomlArray entries = (TomlArray) value;
                for (int i = 0; i < entries.size(); i++) {
                    String name = readTask(site, line, entries.getTable(i));
                    if (name != null) {
                        tasks.add(name);
                    }
                }
            } else if (key.equals("setup")) {
                if (!(value instanceof TomlTable)) {
                    site.problem(line, "'setup' must be a table ([setup])");
                    continue;
                }
                readSetup(site, line, (TomlTable) value, setup);
            } else {
                site.problem(line, "unknown top-level key '" + key + "' (expected [setup] or [[task]])");
            }
        }
        return new RcFile(file, setup, tasks);
    }

    /** A {@code [[task]]} ENTRY: joins the table (problems and all) and gives its name, or null if it has none or a taken one. */
    private String readTask(RcSite site, int arrayLine, TomlTable entry) {
        int line = lineOfTable(entry, arrayLine);
        Object nameValue = entry.get(List.of("name"));
        if (!(nameValue instanceof String) || ((String) nameValue).isEmpty()) {
            site.problem(line, nameValue == null ? "missing required name argument"
                    : "task: " + UnitKeys.typeError("name", "a non-empty string", nameValue));
            return null;
        }
        String name = (String) nameValue;
        Map<String, Object> checked = new LinkedHashMap<>();
        List<String> bodies = new ArrayList<>();
        boolean ok = checkTaskKeys(site, name, entry, checked, bodies);
        ok = checkBodies(site, line, name, entry, checked, bodies) && ok;
        if (ok) {
            ok = checkStar(site, line, name, checked);
        }
        if (table.unit(name).isPresent()) {
            Unit other = table.unit(name).get();
            site.problem(line, (other.isModule() ? "task name " + name + " is already a module name"
                    : "duplicate task name " + name) + " (first defined at " + other.getDefinedAt() + ")");
            return null;
        }
        addTask(site, line, name, entry, checked, bodies, ok);
        return name;
    }

    /** Checks each key of task NAME's ENTRY into CHECKED, noting its body keys in BODIES; false if one has a problem. */
    private boolean checkTaskKeys(RcSite site, String name, TomlTable entry, Map<String, Object> checked, List<String> bodies) {
        boolean ok = true;
        for (String key : TomlValues.keysInOrder(entry)) {
            int keyLine = TomlValues.lineOf(entry, key);
            if (!UnitKeys.TASK_KEYS.contains(key) && !(pythonBodies && key.equals("python"))) {
                site.problem(keyLine, name + ": unknown task argument " + key + UnitKeys.hint(key, UnitKeys.TASK_KEYS));
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
                site.problem(keyLine, name + ": " + err);
                ok = false;
            }
        }
        return ok;
    }

    /** A task has exactly one body, and only an {@code rpc} one takes a {@code payload}. */
    private static boolean checkBodies(RcSite site, int line, String name, TomlTable entry, Map<String, Object> checked,
            List<String> bodies) {
        if (bodies.size() != 1) {
            site.problem(line, name + (bodies.isEmpty()
                    ? ": a task needs one body: run, rpc or java"
                    : ": a task has exactly one body, found " + String.join(" and ", bodies)));
            return false;
        }
        if (checked.containsKey("payload") && !bodies.get(0).equals("rpc")) {
            site.problem(TomlValues.lineOf(entry, "payload"), name + ": 'payload' goes only with 'rpc'");
            return false;
        }
        return true;
    }

    /**
     * Adds task NAME to the table with its CHECKED keys. A task with problems (not OK) still joins
     * the table, so that verify checks the names it mentions; the problems stop every other command
     * before anything runs.
     */
    private void addTask(RcSite site, int line, String name, TomlTable entry, Map<String, Object> checked,
            List<String> bodies, boolean ok) {
        Unit unit = table.add(name, Unit.Kind.TASK, site.place(line));
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) checked.remove("payload");
        for (String bodyKey : bodies) {
            Object text = checked.remove(bodyKey);
            if (ok && text != null) {
                Body body = new Body(Body.Kind.valueOf(bodyKey.toUpperCase()), (String) text, payload);
                unit.set("body", body, site.place(TomlValues.lineOf(entry, bodyKey)));
            }
        }
        if (!ok) {
            // before/after that broke the `*` rule would only add a confusing cycle report
            checked.remove("before");
            checked.remove("after");
        }
        for (Map.Entry<String, Object> e : checked.entrySet()) {
            unit.set(e.getKey(), e.getValue(), site.place(TomlValues.lineOf(entry, e.getKey())));
        }
        if (checked.containsKey("provides")) {
            table.reindex(unit);
        }
    }

    /** {@code before=["*"]} excludes any {@code after}, and the mirror (the original's phrases). */
    private static boolean checkStar(RcSite site, int line, String name, Map<String, Object> checked) {
        @SuppressWarnings("unchecked")
        List<String> before = (List<String>) checked.getOrDefault("before", List.of());
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) checked.getOrDefault("after", List.of());
        if (before.contains("*") && !after.isEmpty()) {
            site.problem(line, name + ": cannot specify 'before=[\"*\"]' when 'after' is also set (after="
                    + pyList(after) + ")");
            return false;
        }
        if (after.contains("*") && !before.isEmpty()) {
            site.problem(line, name + ": cannot specify 'after=[\"*\"]' when 'before' is also set (before="
                    + pyList(before) + ")");
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

    private static void readSetup(RcSite site, int line, TomlTable setup, List<SetupBlock> out) {
        SetupBlock main = SetupBlockReader.read(site, TomlValues.firstLine(setup, line), setup, false);
        if (main != null) {
            out.add(main);
        }
        Object when = setup.get(List.of("when"));
        if (when == null) {
            return;
        }
        if (!TomlValues.isTableArray(when)) {
            site.problem(TomlValues.lineOf(setup, "when"), "'setup.when' must be an array of tables ([[setup.when]])");
            return;
        }
        TomlArray blocks = (TomlArray) when;
        for (int i = 0; i < blocks.size(); i++) {
            TomlTable t = blocks.getTable(i);
            SetupBlock b = SetupBlockReader.read(site, lineOfTable(t, line), t, true);
            if (b != null) {
                out.add(b);
            }
        }
    }

    private static int lineOfTable(TomlTable t, int fallback) {
        return TomlValues.firstLine(t, fallback);
    }
}
