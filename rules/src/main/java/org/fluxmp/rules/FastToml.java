package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.List;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * A single-pass reader for the TOML that configuration files are made of: tables and arrays of
 * tables, bare, quoted and dotted keys, strings of all four kinds, decimal integers, booleans,
 * arrays and inline tables. It gives what tomlj gives (the same values, the same positions) at a
 * fraction of the time and memory: tomlj builds an ANTLR parse tree with a node per character of
 * every string, hundreds of megabytes for a 30,000-unit file. Anything else — other numbers,
 * dates, a redefined key or table, or any syntax error — makes it give up (null), and the caller
 * parses the file with tomlj, whose answer (or error message) stands. Tested against tomlj as
 * the oracle.
 */
final class FastToml extends TomlScalars {
    private final FastTomlTable root = new FastTomlTable(FastTomlTable.Kind.DEFINED);

    private FastToml(String text) {
        super(text);
    }

    /** TEXT as tomlj would parse it, or null when this reader leaves it to tomlj. */
    static TomlParseResult parse(String text) {
        try {
            return new FastToml(text).document();
        } catch (GiveUp | StackOverflowError e) {
            return null;
        }
    }

    private FastTomlTable document() {
        if (s.startsWith("\uFEFF")) {
            throw GIVE_UP;
        }
        FastTomlTable current = root;
        while (true) {
            skipBlank();
            if (pos >= s.length()) {
                return root;
            }
            char c = s.charAt(pos);
            if (c == '[') {
                current = header();
            } else {
                keyValue(current, FastTomlTable.Kind.DOTTED);
            }
            endOfLine();
        }
    }

    private FastTomlTable header() {
        TomlPosition at = here();
        boolean array = s.startsWith("[[", pos);
        pos += array ? 2 : 1;
        skipSpaces();
        List<String> path = key();
        skipSpaces();
        if (!s.startsWith(array ? "]]" : "]", pos)) {
            throw GIVE_UP;
        }
        pos += array ? 2 : 1;
        FastTomlTable t = root;
        for (int i = 0; i < path.size() - 1; i++) {
            t = descend(t, path.get(i), at);
        }
        String last = path.get(path.size() - 1);
        Object existing = t.values.get(last);
        if (array) {
            FastTomlTable element = new FastTomlTable(FastTomlTable.Kind.DEFINED);
            if (existing == null) {
                FastTomlArray a = new FastTomlArray(true);
                t.put(last, a, at);
                a.add(element, at);
            } else if (existing instanceof FastTomlArray a && a.ofTables) {
                a.add(element, at);
            } else {
                throw GIVE_UP;
            }
            return element;
        }
        if (existing != null) {
            throw GIVE_UP;
        }
        FastTomlTable table = new FastTomlTable(FastTomlTable.Kind.DEFINED);
        t.put(last, table, at);
        return table;
    }

    /** The table KEY of T on a header's path, made if missing (an array of tables gives its last). */
    private FastTomlTable descend(FastTomlTable t, String key, TomlPosition at) {
        Object existing = t.values.get(key);
        if (existing == null) {
            FastTomlTable made = new FastTomlTable(FastTomlTable.Kind.IMPLICIT);
            t.put(key, made, at);
            return made;
        }
        if (existing instanceof FastTomlTable sub && sub.kind != FastTomlTable.Kind.INLINE && sub.kind != FastTomlTable.Kind.DOTTED) {
            return sub;
        }
        if (existing instanceof FastTomlArray a && a.ofTables) {
            return (FastTomlTable) a.values.get(a.values.size() - 1);
        }
        throw GIVE_UP;
    }

    /** {@code key = value} into T; dotted keys make sub-tables of kind SUB. */
    private void keyValue(FastTomlTable t, FastTomlTable.Kind sub) {
        TomlPosition at = here();
        List<String> path = key();
        skipSpaces();
        if (pos >= s.length() || s.charAt(pos) != '=') {
            throw GIVE_UP;
        }
        pos++;
        skipSpaces();
        assign(t, path, value(), at, sub);
    }

    /** Sets PATH (dotted: sub-tables of kind SUB are made on the way) to VALUE in T. */
    private static void assign(FastTomlTable t, List<String> path, Object value, TomlPosition at, FastTomlTable.Kind sub) {
        for (int i = 0; i < path.size() - 1; i++) {
            Object existing = t.values.get(path.get(i));
            if (existing == null) {
                FastTomlTable made = new FastTomlTable(sub);
                t.put(path.get(i), made, at);
                t = made;
            } else if (existing instanceof FastTomlTable next && next.kind == sub) {
                t = next;
            } else {
                throw GIVE_UP;
            }
        }
        String last = path.get(path.size() - 1);
        if (t.values.containsKey(last)) {
            throw GIVE_UP;
        }
        t.put(last, value, at);
    }

    /** A key: bare or quoted parts joined by dots. */
    private List<String> key() {
        List<String> parts = new ArrayList<>(2);
        while (true) {
            parts.add(simpleKey());
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                skipSpaces();
            } else {
                return parts;
            }
        }
    }

    private String simpleKey() {
        char c = current();
        if (c == '"') {
            if (s.startsWith("\"\"\"", pos)) {
                throw GIVE_UP;
            }
            return basicString();
        }
        if (c == '\'') {
            if (s.startsWith("'''", pos)) {
                throw GIVE_UP;
            }
            return literalString();
        }
        int start = pos;
        while (pos < s.length() && bare(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw GIVE_UP;
        }
        return s.substring(start, pos);
    }

    private Object value() {
        char c = current();
        switch (c) {
            case '"':
                return s.startsWith("\"\"\"", pos) ? multiLineBasic() : basicString();
            case '\'':
                return s.startsWith("'''", pos) ? multiLineLiteral() : literalString();
            case '[':
                return array();
            case '{':
                return inlineTable();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            default:
                return integer();
        }
    }

    private FastTomlArray array() {
        pos++;
        FastTomlArray a = new FastTomlArray(false);
        while (true) {
            skipBlank();
            if (current() == ']') {
                pos++;
                return a;
            }
            TomlPosition at = here();
            Object v = value();
            if (!a.values.isEmpty() && kindOf(a.values.get(0)) != kindOf(v)) {
                throw GIVE_UP; // mixed types: tomlj's rules differ by TOML version
            }
            a.add(v, at);
            skipBlank();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else if (pos >= s.length() || s.charAt(pos) != ']') {
                throw GIVE_UP;
            }
        }
    }

    private static int kindOf(Object v) {
        if (v instanceof String) return 0;
        if (v instanceof Long) return 1;
        if (v instanceof Boolean) return 2;
        if (v instanceof FastTomlArray) return 3;
        return 4;
    }

    private FastTomlTable inlineTable() {
        pos++;
        FastTomlTable t = new FastTomlTable(FastTomlTable.Kind.INLINE);
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return t;
        }
        while (true) {
            skipSpaces();
            keyValue(t, FastTomlTable.Kind.INLINE);
            skipSpaces();
            char c = current();
            pos++;
            if (c == '}') {
                return t;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
        }
    }
}
