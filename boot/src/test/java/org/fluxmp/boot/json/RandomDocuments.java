package org.fluxmp.boot.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * JSON values drawn from a seeded Random, for the tests that hold the reader and the writer against
 * Jackson: nested maps and lists of strings (escapes, control characters, quotes, backslashes,
 * non-ASCII, non-BMP characters), ints, longs, negative numbers, doubles, booleans and null.
 */
final class RandomDocuments {
    /** Characters a string is drawn from besides random code points: the ones escaping is about. */
    private static final String TRICKY = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080\u00e9\u2028\uffff ~{}[]:,";

    private final Random random;

    RandomDocuments(long seed) {
        this.random = new Random(seed);
    }

    /** A map or a list, nested at most DEPTH deep. */
    Object document(int depth) {
        return random.nextBoolean() ? map(depth) : list(depth);
    }

    private Object value(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 8);
        return switch (kind) {
            case 0 -> random.nextInt();
            case 1 -> random.nextLong();
            case 2 -> random.nextInt(21) - 10;
            case 3 -> number();
            case 4 -> random.nextBoolean();
            case 5 -> null;
            case 6, 7 -> string();
            case 8 -> map(depth - 1);
            default -> list(depth - 1);
        };
    }

    private Map<String, Object> map(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = random.nextInt(6);
        for (int k = 0; k < n; k++) {
            m.put(string(), value(depth));
        }
        return m;
    }

    private List<Object> list(int depth) {
        List<Object> l = new ArrayList<>();
        int n = random.nextInt(6);
        for (int k = 0; k < n; k++) {
            l.add(value(depth));
        }
        return l;
    }

    private double number() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(2001) - 1000;
            case 1 -> random.nextDouble() - 0.5;
            case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
        };
    }

    /** V as a reader yields it: ints as longs, all else as it is. */
    static Object asRead(Object v) {
        if (v instanceof Integer n) {
            return n.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, asRead(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(asRead(x)));
            return out;
        }
        return v;
    }

    /** A string of ASCII, tricky characters and random code points, surrogate pairs included (no lone surrogates). */
    String string() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int k = 0; k < n; k++) {
            switch (random.nextInt(4)) {
                case 0 -> sb.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> sb.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
                case 2 -> sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> {
                    int cp = random.nextInt(0x10000);
                    sb.appendCodePoint(Character.isSurrogate((char) cp) ? 'x' : cp);
                }
            }
        }
        return sb.toString();
    }
}
