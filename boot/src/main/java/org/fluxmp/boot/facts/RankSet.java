package org.fluxmp.boot.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Immutable value for the {@code ranks} key of a flux-modprobe config entry:
 * {@code all}, {@code >N}, {@code <N}, or an RFC 22 idset such as {@code [0-3,7]}.
 * Two instances are equal when their canonical forms ({@link #toString()}) are equal.
 */
public final class RankSet {
    private static final Comparator<int[]> BY_START = new Comparator<int[]>() {
        @Override
        public int compare(int[] a, int[] b) {
            return Integer.compare(a[0], b[0]);
        }
    };


    private enum Kind { ALL, GREATER, LESS, IDSET }

    public static final RankSet ALL = new RankSet(Kind.ALL, 0, null, null, "all");

    private final Kind kind;
    private final int bound;
    // Parallel arrays rather than a bitset so that huge ranges like 0-2000000000 stay O(1) in memory.
    private final int[] lows;
    private final int[] highs;
    private final String canonical;

    private RankSet(Kind kind, int bound, int[] lows, int[] highs, String canonical) {
        this.kind = kind;
        this.bound = bound;
        this.lows = lows;
        this.highs = highs;
        this.canonical = canonical;
    }

    /**
     * Parses a {@code ranks} value.
     *
     * @throws IllegalArgumentException with message {@code invalid idset: TEXT} if {@code text} is malformed
     */
    public static RankSet parse(String text) throws IllegalArgumentException {
        if (text == null) {
            throw invalid(null);
        }
        if (text.equals("all")) {
            return ALL;
        }
        if (text.startsWith(">") || text.startsWith("<")) {
            int n = parseId(text.substring(1), text);
            Kind kind = text.charAt(0) == '>' ? Kind.GREATER : Kind.LESS;
            return new RankSet(kind, n, null, null, text.charAt(0) + Integer.toString(n));
        }
        return parseIdset(text);
    }

    public boolean contains(int rank) {
        switch (kind) {
            case ALL:
                return true;
            case GREATER:
                return rank > bound;
            case LESS:
                return rank < bound;
            default:
                int i = Arrays.binarySearch(lows, rank);
                if (i >= 0) {
                    return true;
                }
                // Insertion point minus one is the only range whose low end is below rank.
                int candidate = -i - 2;
                return candidate >= 0 && rank <= highs[candidate];
        }
    }

    /** The ranks this expression matches, as ranges ({@code >N} and {@code all} reach the largest rank). */
    public IdRanges ranges() {
        switch (kind) {
            case ALL:
                return IdRanges.EVERY;
            case GREATER:
                return IdRanges.range((long) bound + 1, Integer.MAX_VALUE);
            case LESS:
                return IdRanges.range(0, (long) bound - 1);
            default:
                return IdRanges.of(lows, highs);
        }
    }

    /** Whether this is an idset (not {@code all}, {@code >N} or {@code <N}). */
    public boolean isIdset() {
        return kind == Kind.IDSET;
    }

    public boolean isAll() {
        return kind == Kind.ALL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankSet && ((RankSet) o).canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }

    private static RankSet parseIdset(String text) {
        String body = text;
        if (body.startsWith("[")) {
            if (!body.endsWith("]") || body.length() < 2) {
                throw invalid(text);
            }
            body = body.substring(1, body.length() - 1);
        }
        if (body.isEmpty()) {
            throw invalid(text);
        }
        // limit -1 keeps trailing empty entries so "1," is rejected instead of silently accepted.
        String[] entries = body.split(",", -1);
        List<int[]> ranges = new ArrayList<>(entries.length);
        for (String entry : entries) {
            int dash = entry.indexOf('-');
            if (dash < 0) {
                int id = parseId(entry, text);
                ranges.add(new int[] {id, id});
            } else {
                int lo = parseId(entry.substring(0, dash), text);
                int hi = parseId(entry.substring(dash + 1), text);
                if (hi < lo) {
                    throw invalid(text);
                }
                ranges.add(new int[] {lo, hi});
            }
        }
        ranges.sort(BY_START);

        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            // long arithmetic: last[1] + 1 would overflow at Integer.MAX_VALUE.
            if (last != null && r[0] <= (long) last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }

        int[] lows = new int[merged.size()];
        int[] highs = new int[merged.size()];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < merged.size(); i++) {
            lows[i] = merged.get(i)[0];
            highs[i] = merged.get(i)[1];
            if (i > 0) {
                sb.append(',');
            }
            sb.append(lows[i]);
            if (highs[i] != lows[i]) {
                sb.append('-').append(highs[i]);
            }
        }
        return new RankSet(Kind.IDSET, 0, lows, highs, sb.toString());
    }

    /** Digits only: Integer.parseInt alone would let through "+5" and "-5". */
    private static int parseId(String digits, String text) {
        if (digits.isEmpty()) {
            throw invalid(text);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text);
            }
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid idset: " + text);
    }
}
