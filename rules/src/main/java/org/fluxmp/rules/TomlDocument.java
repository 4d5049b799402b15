package org.fluxmp.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Problem;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A parsed TOML file for the project's other small formats (simulated broker file, broker config
 * files): typed getters that report a wrong type as a problem with file and line.
 */
public final class TomlDocument {
    private final String file;
    private final TomlTable root;

    private TomlDocument(String file, TomlTable root) {
        this.file = file;
        this.root = root;
    }

    /** Parses FILE; every syntax error is thrown at once as one ConfigException. */
    public static TomlDocument read(Path file) {
        List<Problem> problems = new ArrayList<>();
        TomlParseResult doc = TomlFiles.parse(file, problems);
        if (doc == null) {
            throw new ConfigException(problems);
        }
        return new TomlDocument(file.toString(), doc);
    }

    /** Parses one TOML value written on the command line (e.g. {@code --conf k=true}); null if it is not one. */
    public static Object parseValue(String text) {
        try {
            TomlParseResult r = org.tomlj.Toml.parse("v = " + text);
            if (r.hasErrors()) {
                return null;
            }
            return TomlValues.plain(r.get("v"));
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    public List<String> keys() {
        return TomlValues.keysInOrder(root);
    }

    public int line(String key) {
        return TomlValues.lineOf(root, key);
    }

    private Object get(String key) {
        return root.get(List.of(key));
    }

    private void wrong(List<Problem> problems, String key, String expected) {
        problems.add(new Problem(file, line(key), UnitKeys.typeError(key, expected, get(key))));
    }

    public long integer(String key, long dflt, List<Problem> problems) {
        return typed(key, dflt, "an integer", v -> v instanceof Long l ? l : null, problems);
    }

    public String string(String key, String dflt, List<Problem> problems) {
        return typed(key, dflt, "a string", v -> v instanceof String s ? s : null, problems);
    }

    public List<String> strings(String key, List<Problem> problems) {
        return typed(key, List.of(), "an array of strings", TomlValues::strings, problems);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> table(String key, List<Problem> problems) {
        return typed(key, Map.of(), "a table",
                v -> v instanceof TomlTable ? (Map<String, Object>) TomlValues.plain(v) : null, problems);
    }

    /** KEY's value as AS gives it (null: not EXPECTED, a problem), or DFLT if KEY is not set or has a problem. */
    private <T> T typed(String key, T dflt, String expected, Function<Object, T> as, List<Problem> problems) {
        Object v = get(key);
        if (v == null) return dflt;
        T out = as.apply(v);
        if (out != null) return out;
        wrong(problems, key, expected);
        return dflt;
    }

    /** The whole document as plain values (for a broker config file). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return (Map<String, Object>) TomlValues.plain(root);
    }

    /** A table whose values are strings; other scalars are turned into their string form. */
    public Map<String, String> stringTable(String key, List<Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : table(key, problems).entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map || v instanceof List) {
                problems.add(new Problem(file, line(key), key + "." + e.getKey() + ": must be a string"));
            } else {
                out.put(e.getKey(), String.valueOf(v));
            }
        }
        return out;
    }
}
