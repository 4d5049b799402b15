package org.fluxmp.boot.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tool's JSON reader, kept in-house so the boot path loads no JSON library: strict (RFC 8259),
 * for its own files, the broker's answers and the Python bridge's output. {@link JsonStyle} writes.
 *
 * <p>It yields String, Long (an integer without fraction or exponent), Double (any other number),
 * Boolean, null, List and Map (keys in document order; a repeated key keeps its last value).
 * Anything else, an integer beyond a long, or nesting deeper than {@value #MAX_DEPTH} is an
 * {@link IllegalArgumentException} naming the offset, and never another exception.
 */
public final class Json {
    /** How deep arrays and objects may nest in what the reader accepts. */
    public static final int MAX_DEPTH = 512;

    private final String s;
    private int i;
    private int depth;

    private Json(String s) {
        this.s = s;
    }

    /** TEXT as the value it holds (see the class comment for the types); IllegalArgumentException if malformed. */
    public static Object parse(String text) {
        Json j = new Json(text);
        Object v = j.value();
        j.ws();
        if (j.i != text.length()) {
            throw j.error("trailing characters");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid JSON at offset " + i + ": " + what);
    }

    private void ws() {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    /** Whether the next character, after white space, is C; it is consumed if so. */
    private boolean next(char c) {
        ws();
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private Object value() {
        ws();
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        if (c == '{' || c == '[') {
            if (++depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
            Object v = c == '{' ? object() : array();
            depth--;
            return v;
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        return literal();
    }

    private Object literal() {
        if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        throw error("unexpected character '" + s.charAt(i) + "'");
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        if (next('}')) {
            return m;
        }
        do {
            ws();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error("expected a key");
            }
            String k = string();
            if (!next(':')) {
                throw error("expected ':'");
            }
            m.put(k, value());
        } while (next(','));
        if (!next('}')) {
            throw error("expected ',' or '}'");
        }
        return m;
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        i++;
        if (next(']')) {
            return l;
        }
        do {
            l.add(value());
        } while (next(','));
        if (!next(']')) {
            throw error("expected ',' or ']'");
        }
        return l;
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            i++;
            sb.append(c == '\\' ? escape() : c);
        }
    }

    /** The character an escape (after its backslash) stands for. */
    private char escape() {
        if (i >= s.length()) {
            throw error("unterminated string");
        }
        char e = s.charAt(i++);
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> unicode();
            default -> throw error("bad escape \\" + e);
        };
    }

    private char unicode() {
        int code = 0;
        for (int k = 0; k < 4; k++, i++) {
            char c = i < s.length() ? s.charAt(i) : 'x';
            int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                throw error("bad \\u escape");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private Object number() {
        int start = i;
        boolean integral = true;
        skip('-');
        if (!skip('0') && digits() == 0) {
            throw error("bad number");
        }
        if (skip('.')) {
            integral = false;
            if (digits() == 0) {
                throw error("bad number");
            }
        }
        if (skip('e') || skip('E')) {
            integral = false;
            if (!skip('+')) {
                skip('-');
            }
            if (digits() == 0) {
                throw error("bad number");
            }
        }
        String t = s.substring(start, i);
        try {
            return integral ? (Object) Long.parseLong(t) : (Object) Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("number out of range " + t);
        }
    }

    private boolean skip(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private int digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - start;
    }
}
