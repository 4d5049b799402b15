package org.fluxmp.boot.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * How the tool writes JSON, and the writer: {@code JsonStyle.PYTHON.write(value)}. It takes null,
 * String, Boolean, integers (Long, Integer, Short, Byte, BigInteger), BigDecimal (written plainly),
 * Double and Float, Map (keys written as strings) and Collection; any other value is written as the
 * string of its {@code toString()}. {@link Json#parse} reads what either style writes.
 */
public enum JsonStyle {
    /**
     * As Python's {@code json.dumps} writes by default, the original tool's output (show, explain,
     * verify and solve {@code --json}, {@code --show-deps}, the sim broker's files): {@code ", "} and
     * {@code ": "}, every character outside printable ASCII as {@code \\uXXXX} (non-BMP ones as
     * their surrogate pair), an integral double below 1e16 as {@code 1.0}, and NaN and the
     * infinities as Python's {@code NaN}, {@code Infinity}, {@code -Infinity}.
     */
    PYTHON(", ", ": "),
    /**
     * Without spaces, as the C tools send payloads (jansson's compact form), so a request is byte for
     * byte the one {@code flux} sends: only quotes, backslashes and control characters are escaped,
     * and NaN or an infinity is an IllegalArgumentException.
     */
    COMPACT(",", ":");

    private final String comma;
    private final String colon;

    JsonStyle(String comma, String colon) {
        this.comma = comma;
        this.colon = colon;
    }

    /** VALUE as JSON text in this style. */
    public String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, this);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, JsonStyle style) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Double || v instanceof Float) {
            number(sb, ((Number) v).doubleValue(), style);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sep);
                string(sb, String.valueOf(e.getKey()), style);
                sb.append(style.colon);
                write(sb, e.getValue(), style);
                sep = style.comma;
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            String sep = "";
            for (Object o : c) {
                sb.append(sep);
                write(sb, o, style);
                sep = style.comma;
            }
            sb.append(']');
        } else {
            string(sb, v.toString(), style);
        }
    }

    private static void number(StringBuilder sb, double d, JsonStyle style) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            if (style == COMPACT) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            sb.append(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        } else if (style == PYTHON && d == Math.rint(d) && Math.abs(d) < 1e16) {
            sb.append((long) d).append(".0");
        } else {
            sb.append(d);
        }
    }

    private static void string(StringBuilder sb, String text, JsonStyle style) {
        char high = style == PYTHON ? '\u007e' : Character.MAX_VALUE;
        sb.append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > high) {
                        sb.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) {
                            sb.append(Character.forDigit((c >> shift) & 0xf, 16));
                        }
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
