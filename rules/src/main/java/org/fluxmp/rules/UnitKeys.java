package org.fluxmp.rules;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.fluxmp.boot.facts.RankSet;

/**
 * The keys a {@code [[modules]]} entry or a {@code [[task]]} may set, and their type checks. A
 * checked value is handed on in the form {@link Unit} stores; a bad one becomes a problem message.
 */
final class UnitKeys {
    private UnitKeys() {}

    /** The original's module keys, plus {@code timeout} (an extension: a load or remove over it fails). */
    static final List<String> MODULE_KEYS = List.of("name", "module", "args", "ranks", "provides", "requires",
            "needs", "before", "after", "needs-attrs", "needs-config", "needs-env", "priority", "disabled", "exec",
            "timeout");

    static final List<String> TASK_KEYS = List.of("name", "ranks", "provides", "requires", "needs", "before",
            "after", "needs-attrs", "needs-config", "needs-env", "priority", "disabled", "timeout", "run", "rpc",
            "payload", "java");

    private static final Set<String> STRING_ARRAYS = Set.of("args", "provides", "requires", "needs", "before",
            "after", "needs-attrs", "needs-config", "needs-env");
    private static final Set<String> STRINGS = Set.of("name", "module", "ranks", "timeout", "run", "rpc", "java",
            "python");
    private static final Set<String> BOOLEANS = Set.of("disabled", "exec");

    /** Flux Standard Duration plus milliseconds: 60, 1.5, 30s, 500ms, 2m, 1h, 1d. */
    private static final Pattern DURATION = Pattern.compile("[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)?");

    /**
     * Checks VALUE for KEY; on success passes the stored form to SINK and returns null, else returns
     * the problem message (without the place).
     */
    static String check(String key, Object value, Consumer<Object> sink) {
        if (STRING_ARRAYS.contains(key)) {
            List<String> list = TomlValues.strings(value);
            if (list == null) {
                return typeError(key, "an array of strings", value);
            }
            sink.accept(list);
            return null;
        }
        if (STRINGS.contains(key)) {
            if (!(value instanceof String)) {
                return typeError(key, "a string", value);
            }
            String s = (String) value;
            if (key.equals("ranks")) {
                try {
                    sink.accept(RankSet.parse(s));
                } catch (IllegalArgumentException e) {
                    return "ranks: " + e.getMessage();
                }
                return null;
            }
            if (key.equals("timeout") && !DURATION.matcher(s).matches()) {
                return "timeout: invalid duration '" + s + "' (expected e.g. 30s, 500ms, 2m)";
            }
            sink.accept(s);
            return null;
        }
        if (BOOLEANS.contains(key)) {
            if (!(value instanceof Boolean)) {
                return typeError(key, "a boolean", value);
            }
            sink.accept(value);
            return null;
        }
        if (key.equals("priority")) {
            value = TomlValues.plain(value);
            if (!(value instanceof Long)) {
                return typeError(key, "an integer", value);
            }
            sink.accept(value);
            return null;
        }
        if (key.equals("payload")) {
            if (!(value instanceof org.tomlj.TomlTable) && !(value instanceof java.util.Map)) {
                return typeError(key, "a table", value);
            }
            sink.accept(TomlValues.plain(value));
            return null;
        }
        throw new IllegalArgumentException(key);
    }

    static String typeError(String key, String expected, Object value) {
        return "key '" + key + "' must be " + expected + ", not " + TomlValues.typeName(value);
    }

    /** A "did you mean" hint for python-style spellings such as needs_attrs. */
    static String hint(String key, List<String> valid) {
        String dashed = key.replace('_', '-');
        if (!dashed.equals(key) && valid.contains(dashed)) {
            return " (did you mean '" + dashed + "'?)";
        }
        return "";
    }
}
