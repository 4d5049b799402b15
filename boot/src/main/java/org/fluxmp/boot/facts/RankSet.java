package org.fluxmp.boot.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Immutable value for the {@code ranks} key of a flux-modprobe config entry:
 * {@code all}, {@code >N}, {@code <N}, or an RFC 22 idset such as {@code [0-3,7]}: the ranks it
 * matches ({@link #ranks()}) and its canonical text ({@link #toString()}). Two instances are equal
 * when their canonical forms are equal ({@code all} is not {@code 0-2147483647}).
 */
public final class RankSet {
    public static final RankSet ALL = new RankSet(IdRanges.EVERY, "all", false);

    private final IdRanges ranks;
    private final String canonical;
    private final boolean idset;

    private RankSet(IdRanges ranks, String canonical, boolean idset) {
        this.ranks = ranks;
        this.canonical = canonical;
        this.idset = idset;
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
        if (text.startsWith(">")) {
            int n = parseId(text.substring(1), text);
            return new RankSet(IdRanges.range((long) n + 1, Integer.MAX_VALUE), ">" + n, false);
        }
        if (text.startsWith("<")) {
            int n = parseId(text.substring(1), text);
            return new RankSet(IdRanges.range(0, (long) n - 1), "<" + n, false);
        }
        return parseIdset(text);
    }

    /** The idset of RANKS, e.g. {@code 0-3,7}; RANKS must not be empty (no idset is). */
    public static RankSet of(IdRanges ranks) {
        if (ranks.isEmpty()) {
            throw new IllegalArgumentException("an idset has at least one rank");
        }
        return new RankSet(ranks, ranks.toString(), true);
    }

    public boolean contains(int rank) {
        return ranks.contains(rank);
    }

    /** The ranks this expression matches ({@code >N} and {@code all} reach the largest rank). */
    public IdRanges ranks() {
        return ranks;
    }

    /** Whether this is an idset (not {@code all}, {@code >N} or {@code <N}). */
    public boolean isIdset() {
        return idset;
    }

    public boolean isAll() {
        return this == ALL;
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
        if (!ascending(ranges)) {
            // not on the boot path, which parses canonical text: the comparator is a class of its own
            ranges.sort(new ByStart());
        }
        // in order of low ends: the builder merges overlapping and adjacent entries
        IdRanges.Builder merged = new IdRanges.Builder(ranges.size());
        for (int[] r : ranges) {
            merged.add(r[0], r[1]);
        }
        return of(merged.build());
    }

    private static boolean ascending(List<int[]> ranges) {
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i)[0] < ranges.get(i - 1)[0]) {
                return false;
            }
        }
        return true;
    }

    /** Orders ranges by their low ends. */
    private static final class ByStart implements Comparator<int[]> {
        @Override
        public int compare(int[] a, int[] b) {
            return Integer.compare(a[0], b[0]);
        }
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
