package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** Converts TOML values to plain Java values and names their types for error messages. */
final class TomlValues {
    private TomlValues() {}

    /** An array whose every element is a table ({@code [[x]]}); tomlj's containsTables is deprecated. */
    static boolean isTableArray(Object value) {
        if (!(value instanceof TomlArray)) {
            return false;
        }
        TomlArray a = (TomlArray) value;
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof TomlTable)) {
                return false;
            }
        }
        return true;
    }

    static String typeName(Object value) {
        if (value instanceof String) return "a string";
        if (value instanceof Long) return "an integer";
        if (value instanceof Double) return "a float";
        if (value instanceof Boolean) return "a boolean";
        if (value instanceof TomlArray || value instanceof List) return "an array";
        if (value instanceof TomlTable || value instanceof Map) return "a table";
        return "a date/time";
    }

    static Object plain(Object value) {
        if (value instanceof TomlTable) {
            Map<String, Object> map = new LinkedHashMap<>();
            TomlTable t = (TomlTable) value;
            for (String k : t.keySet()) {
                map.put(k, plain(t.get(List.of(k))));
            }
            return map;
        }
        if (value instanceof TomlArray) {
            TomlArray a = (TomlArray) value;
            List<Object> list = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                list.add(plain(a.get(i)));
            }
            return list;
        }
        if (value instanceof Integer) {
            return ((Integer) value).longValue();
        }
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean
                || value instanceof List || value instanceof Map) {
            return value;
        }
        return String.valueOf(value);
    }

    /** A string array, or null when VALUE is not an array of strings. */
    static List<String> strings(Object value) {
        Object plain = plain(value);
        if (!(plain instanceof List)) {
            return null;
        }
        List<String> list = new ArrayList<>();
        for (Object o : (List<?>) plain) {
            if (!(o instanceof String)) {
                return null;
            }
            list.add((String) o);
        }
        return list;
    }

    /** Keys of a table in the order they were written (tomlj does not keep it). */
    static List<String> keysInOrder(TomlTable table) {
        List<String> keys = new ArrayList<>(table.keySet());
        keys.sort((a, b) -> {
            var pa = table.inputPositionOf(List.of(a));
            var pb = table.inputPositionOf(List.of(b));
            int la = pa == null ? Integer.MAX_VALUE : pa.line();
            int lb = pb == null ? Integer.MAX_VALUE : pb.line();
            if (la != lb) return Integer.compare(la, lb);
            int ca = pa == null ? 0 : pa.column();
            int cb = pb == null ? 0 : pb.column();
            return Integer.compare(ca, cb);
        });
        return keys;
    }

    /** The line of a table's first key (tomlj does not record where a [[table]] header was). */
    static int firstLine(TomlTable table, int fallback) {
        int min = Integer.MAX_VALUE;
        for (String k : table.keySet()) {
            int l = lineOf(table, k);
            if (l > 0 && l < min) {
                min = l;
            }
        }
        return min == Integer.MAX_VALUE ? fallback : min;
    }

    static int lineOf(TomlTable table, String key) {
        var p = table.inputPositionOf(List.of(key));
        return p == null ? 0 : p.line();
    }
}
