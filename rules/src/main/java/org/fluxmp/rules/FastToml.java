package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

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
final class FastToml {
    /** Thrown where this reader gives the file to tomlj. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private final String s;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final Table root = new Table(Table.Kind.DEFINED);

    private FastToml(String text) {
        this.s = text;
    }

    /** TEXT as tomlj would parse it, or null when this reader leaves it to tomlj. */
    static TomlParseResult parse(String text) {
        try {
            return new FastToml(text).document();
        } catch (GiveUp | StackOverflowError e) {
            return null;
        }
    }

    private Table document() {
        if (s.startsWith("\uFEFF")) {
            throw GIVE_UP;
        }
        Table current = root;
        while (true) {
            skipBlank();
            if (pos >= s.length()) {
                return root;
            }
            char c = s.charAt(pos);
            if (c == '[') {
                current = header();
            } else {
                keyValue(current, Table.Kind.DOTTED);
            }
            endOfLine();
        }
    }

    /** Spaces, tabs, comments and newlines. */
    private void skipBlank() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                newline(pos + 1);
            } else if (c == '\r' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                newline(pos + 2);
            } else if (c == '#') {
                comment();
            } else {
                return;
            }
        }
    }

    private void newline(int next) {
        pos = next;
        line++;
        lineStart = next;
    }

    private void comment() {
        while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
            char c = s.charAt(pos);
            if (control(c)) {
                throw GIVE_UP;
            }
            pos++;
        }
    }

    private void skipSpaces() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** After a header or key/value: spaces, an optional comment, then a newline or the end. */
    private void endOfLine() {
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == '#') {
            comment();
        }
        if (pos >= s.length()) {
            return;
        }
        if (s.charAt(pos) == '\n') {
            newline(pos + 1);
        } else if (s.startsWith("\r\n", pos)) {
            newline(pos + 2);
        } else {
            throw GIVE_UP;
        }
    }

    private TomlPosition here() {
        return TomlPosition.positionAt(line, pos - lineStart + 1);
    }

    private Table header() {
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
        Table t = root;
        for (int i = 0; i < path.size() - 1; i++) {
            t = descend(t, path.get(i), at);
        }
        String last = path.get(path.size() - 1);
        Object existing = t.values.get(last);
        if (array) {
            Table element = new Table(Table.Kind.DEFINED);
            if (existing == null) {
                Array a = new Array(true);
                t.put(last, a, at);
                a.add(element, at);
            } else if (existing instanceof Array a && a.ofTables) {
                a.add(element, at);
            } else {
                throw GIVE_UP;
            }
            return element;
        }
        if (existing != null) {
            throw GIVE_UP;
        }
        Table table = new Table(Table.Kind.DEFINED);
        t.put(last, table, at);
        return table;
    }

    /** The table KEY of T on a header's path, made if missing (an array of tables gives its last). */
    private Table descend(Table t, String key, TomlPosition at) {
        Object existing = t.values.get(key);
        if (existing == null) {
            Table made = new Table(Table.Kind.IMPLICIT);
            t.put(key, made, at);
            return made;
        }
        if (existing instanceof Table sub && sub.kind != Table.Kind.INLINE && sub.kind != Table.Kind.DOTTED) {
            return sub;
        }
        if (existing instanceof Array a && a.ofTables) {
            return (Table) a.values.get(a.values.size() - 1);
        }
        throw GIVE_UP;
    }

    /** {@code key = value} into T; dotted keys make sub-tables of kind SUB. */
    private void keyValue(Table t, Table.Kind sub) {
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
    private static void assign(Table t, List<String> path, Object value, TomlPosition at, Table.Kind sub) {
        for (int i = 0; i < path.size() - 1; i++) {
            Object existing = t.values.get(path.get(i));
            if (existing == null) {
                Table made = new Table(sub);
                t.put(path.get(i), made, at);
                t = made;
            } else if (existing instanceof Table next && next.kind == sub) {
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
        if (pos >= s.length()) {
            throw GIVE_UP;
        }
        char c = s.charAt(pos);
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

    /** A control character TOML allows in no string or comment (tab aside). */
    private static boolean control(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }

    private static boolean bare(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private Object value() {
        if (pos >= s.length()) {
            throw GIVE_UP;
        }
        char c = s.charAt(pos);
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

    private Object word(String w, Boolean value) {
        if (!s.startsWith(w, pos)) {
            throw GIVE_UP;
        }
        pos += w.length();
        if (pos < s.length() && bare(s.charAt(pos))) {
            throw GIVE_UP;
        }
        return value;
    }

    /** A decimal integer ({@code +12}, {@code -3}, {@code 1_000}); anything else (floats, 0x.., dates) gives up. */
    private Long integer() {
        int start = pos;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            pos++;
        }
        int digits = pos;
        boolean underscoreOk = false;
        StringBuilder sb = new StringBuilder();
        sb.append(s, start, digits);
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c >= '0' && c <= '9') {
                sb.append(c);
                underscoreOk = true;
            } else if (c == '_' && underscoreOk && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
                underscoreOk = false;
            } else {
                break;
            }
            pos++;
        }
        if (pos == digits) {
            throw GIVE_UP;
        }
        if (s.charAt(digits) == '0' && pos - digits > 1) {
            throw GIVE_UP;
        }
        if (pos < s.length()) {
            char c = s.charAt(pos);
            if (bare(c) || c == '.' || c == ':' || c == '+') {
                throw GIVE_UP;
            }
        }
        try {
            return Long.parseLong(sb.toString());
        } catch (NumberFormatException e) {
            throw GIVE_UP;
        }
    }

    private String basicString() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= s.length()) {
                throw GIVE_UP;
            }
            char c = s.charAt(pos);
            if (c == '"') {
                String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
                pos++;
                return out;
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s, start, pos);
                escape(sb);
                start = pos;
            } else if (control(c)) {
                throw GIVE_UP;
            } else {
                pos++;
            }
        }
    }

    /** At a backslash: appends what the escape stands for. */
    private void escape(StringBuilder sb) {
        if (pos + 1 >= s.length()) {
            throw GIVE_UP;
        }
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'b': sb.append('\b'); return;
            case 't': sb.append('\t'); return;
            case 'n': sb.append('\n'); return;
            case 'f': sb.append('\f'); return;
            case 'r': sb.append('\r'); return;
            case '"': sb.append('"'); return;
            case '\\': sb.append('\\'); return;
            case 'u': sb.appendCodePoint(hex(4)); return;
            case 'U': sb.appendCodePoint(hex(8)); return;
            default: throw GIVE_UP;
        }
    }

    private int hex(int n) {
        if (pos + n > s.length()) {
            throw GIVE_UP;
        }
        int cp = 0;
        for (int i = 0; i < n; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
                throw GIVE_UP;
            }
            cp = cp * 16 + d;
        }
        pos += n;
        if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw GIVE_UP;
        }
        return cp;
    }

    private String literalString() {
        pos++;
        int start = pos;
        while (true) {
            if (pos >= s.length()) {
                throw GIVE_UP;
            }
            char c = s.charAt(pos);
            if (c == '\'') {
                String out = s.substring(start, pos);
                pos++;
                return out;
            }
            if (control(c)) {
                throw GIVE_UP;
            }
            pos++;
        }
    }

    /** After an opening triple quote: a newline right after it is not part of the string. */
    private void trimFirstNewline() {
        if (pos < s.length() && s.charAt(pos) == '\n') {
            newline(pos + 1);
        } else if (s.startsWith("\r\n", pos)) {
            newline(pos + 2);
        }
    }

    /** At QUOTE: how many of them follow (3 to 5 close a multi-line string; the extra ones are content). */
    private int quotes(char quote) {
        int n = 0;
        while (pos + n < s.length() && s.charAt(pos + n) == quote) {
            n++;
        }
        return n;
    }

    private String multiLineBasic() {
        return multiLine('"');
    }

    private String multiLineLiteral() {
        return multiLine('\'');
    }

    /** A multi-line string closed by three QUOTEs; a basic one ({@code "}) has escapes and line-ending backslashes. */
    private String multiLine(char quote) {
        pos += 3;
        trimFirstNewline();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw GIVE_UP;
            }
            char c = s.charAt(pos);
            if (c == quote) {
                int n = quotes(quote);
                if (n >= 3) {
                    if (n > 5) {
                        throw GIVE_UP;
                    }
                    sb.append(String.valueOf(quote).repeat(n - 3));
                    pos += n;
                    return sb.toString();
                }
                sb.append(String.valueOf(quote).repeat(n));
                pos += n;
            } else if (c == '\\' && quote == '"') {
                backslash(sb);
            } else if (c == '\n') {
                sb.append('\n');
                newline(pos + 1);
            } else if (s.startsWith("\r\n", pos)) {
                sb.append("\r\n");
                newline(pos + 2);
            } else if (control(c)) {
                throw GIVE_UP;
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    /** In a multi-line basic string, at a backslash: an escape, or a line ending whose newline and following blanks go. */
    private void backslash(StringBuilder sb) {
        int after = pos + 1;
        while (after < s.length() && (s.charAt(after) == ' ' || s.charAt(after) == '\t')) {
            after++;
        }
        if (after >= s.length() || (s.charAt(after) != '\n' && !s.startsWith("\r\n", after))) {
            escape(sb);
            return;
        }
        pos = after;
        while (pos < s.length()) {
            char w = s.charAt(pos);
            if (w == ' ' || w == '\t') {
                pos++;
            } else if (w == '\n') {
                newline(pos + 1);
            } else if (s.startsWith("\r\n", pos)) {
                newline(pos + 2);
            } else {
                return;
            }
        }
    }

    private Array array() {
        pos++;
        Array a = new Array(false);
        while (true) {
            skipBlank();
            if (pos >= s.length()) {
                throw GIVE_UP;
            }
            if (s.charAt(pos) == ']') {
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
        if (v instanceof Array) return 3;
        return 4;
    }

    private Table inlineTable() {
        pos++;
        Table t = new Table(Table.Kind.INLINE);
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return t;
        }
        while (true) {
            skipSpaces();
            keyValue(t, Table.Kind.INLINE);
            skipSpaces();
            if (pos >= s.length()) {
                throw GIVE_UP;
            }
            char c = s.charAt(pos++);
            if (c == '}') {
                return t;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
        }
    }

    /** A table with its keys in the order written and each key's position. */
    static final class Table implements TomlParseResult {
        enum Kind { DEFINED, IMPLICIT, DOTTED, INLINE }

        final Kind kind;
        final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, TomlPosition> positions = new LinkedHashMap<>();

        Table(Kind kind) {
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
                if (e.getValue() instanceof Table t) {
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
                if (!(cur instanceof Table t)) {
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
            return parent instanceof Table t ? t.positions.get(path.get(path.size() - 1)) : null;
        }

        @Override
        public Map<String, Object> toMap() {
            return Collections.unmodifiableMap(values);
        }
    }

    /** An array: of values, or of tables made by {@code [[...]]} headers. */
    static final class Array implements TomlArray {
        final boolean ofTables;
        final List<Object> values = new ArrayList<>();
        private final List<TomlPosition> positions = new ArrayList<>();

        Array(boolean ofTables) {
            this.ofTables = ofTables;
        }

        void add(Object v, TomlPosition at) {
            values.add(v);
            positions.add(at);
        }

        private boolean first(Class<?> type) {
            return !values.isEmpty() && type.isInstance(values.get(0));
        }

        @Override public int size() { return values.size(); }
        @Override public boolean isEmpty() { return values.isEmpty(); }
        @Override public boolean containsStrings() { return first(String.class); }
        @Override public boolean containsLongs() { return first(Long.class); }
        @Override public boolean containsDoubles() { return false; }
        @Override public boolean containsBooleans() { return first(Boolean.class); }
        @Override public boolean containsOffsetDateTimes() { return false; }
        @Override public boolean containsLocalDateTimes() { return false; }
        @Override public boolean containsLocalDates() { return false; }
        @Override public boolean containsLocalTimes() { return false; }
        @Override public boolean containsArrays() { return first(TomlArray.class); }
        @Override public boolean containsTables() { return first(TomlTable.class); }
        @Override public Object get(int index) { return values.get(index); }
        @Override public TomlPosition inputPositionOf(int index) { return positions.get(index); }
        @Override public List<Object> toList() { return Collections.unmodifiableList(values); }
    }
}
