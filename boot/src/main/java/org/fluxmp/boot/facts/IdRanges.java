package org.fluxmp.boot.facts;

import java.util.Arrays;

/**
 * An immutable set of ranks as sorted, disjoint, non-adjacent ranges: what a rank expression
 * covers, and the sets that rank classes are made of. Every operation costs the number of ranges,
 * never the number of ranks, so {@code 0-2147483647} is as cheap as {@code 0}.
 */
public final class IdRanges {
    public static final IdRanges EMPTY = new IdRanges(new int[0], new int[0]);
    public static final IdRanges EVERY = new IdRanges(new int[] {0}, new int[] {Integer.MAX_VALUE});

    private final int[] lows;
    private final int[] highs;

    private IdRanges(int[] lows, int[] highs) {
        this.lows = lows;
        this.highs = highs;
    }

    /** One range {@code lo-hi}; empty when hi < lo. */
    public static IdRanges range(long lo, long hi) {
        lo = Math.max(lo, 0);
        hi = Math.min(hi, Integer.MAX_VALUE);
        return hi < lo ? EMPTY : new IdRanges(new int[] {(int) lo}, new int[] {(int) hi});
    }

    public boolean isEmpty() {
        return lows.length == 0;
    }

    /** The lowest rank; the set must not be empty. */
    public int first() {
        return lows[0];
    }

    /** How many ranks (a long: {@link #EVERY} has 2^31). */
    public long count() {
        long n = 0;
        for (int i = 0; i < lows.length; i++) {
            n += (long) highs[i] - lows[i] + 1;
        }
        return n;
    }

    public int rangeCount() {
        return lows.length;
    }

    public int low(int i) {
        return lows[i];
    }

    public int high(int i) {
        return highs[i];
    }

    public boolean contains(int rank) {
        int i = Arrays.binarySearch(lows, rank);
        if (i >= 0) {
            return true;
        }
        int candidate = -i - 2;
        return candidate >= 0 && rank <= highs[candidate];
    }

    public IdRanges intersect(IdRanges o) {
        Builder b = new Builder(Math.max(lows.length, o.lows.length));
        int i = 0;
        int j = 0;
        while (i < lows.length && j < o.lows.length) {
            int lo = Math.max(lows[i], o.lows[j]);
            int hi = Math.min(highs[i], o.highs[j]);
            if (lo <= hi) {
                b.add(lo, hi);
            }
            if (highs[i] < o.highs[j]) {
                i++;
            } else {
                j++;
            }
        }
        return b.build();
    }

    public IdRanges minus(IdRanges o) {
        Builder b = new Builder(lows.length + o.lows.length);
        int j = 0;
        for (int i = 0; i < lows.length; i++) {
            long lo = lows[i];
            long hi = highs[i];
            while (j < o.lows.length && o.highs[j] < lo) {
                j++;
            }
            int k = j;
            while (lo <= hi && k < o.lows.length && o.lows[k] <= hi) {
                if (o.lows[k] > lo) {
                    b.add(lo, o.lows[k] - 1L);
                }
                lo = (long) o.highs[k] + 1;
                k++;
            }
            if (lo <= hi) {
                b.add(lo, hi);
            }
        }
        return b.build();
    }

    public IdRanges union(IdRanges o) {
        Builder b = new Builder(lows.length + o.lows.length);
        int i = 0;
        int j = 0;
        while (i < lows.length || j < o.lows.length) {
            if (j >= o.lows.length || (i < lows.length && lows[i] <= o.lows[j])) {
                b.add(lows[i], highs[i]);
                i++;
            } else {
                b.add(o.lows[j], o.highs[j]);
                j++;
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdRanges r && Arrays.equals(lows, r.lows) && Arrays.equals(highs, r.highs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lows) + Arrays.hashCode(highs);
    }

    /** The canonical RFC 22 idset ({@code 0-3,7}); empty for the empty set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lows.length; i++) {
            sb.append(i == 0 ? "" : ",").append(lows[i]);
            if (highs[i] != lows[i]) {
                sb.append('-').append(highs[i]);
            }
        }
        return sb.toString();
    }

    /** Appends ranges in ascending order of their low ends, merging overlapping and adjacent ones. */
    static final class Builder {
        private int[] lows;
        private int[] highs;
        private int n;

        Builder(int capacity) {
            lows = new int[Math.max(capacity, 1)];
            highs = new int[Math.max(capacity, 1)];
        }

        void add(long lo, long hi) {
            if (n > 0 && lo <= (long) highs[n - 1] + 1) {
                highs[n - 1] = (int) Math.max(highs[n - 1], hi);
                return;
            }
            if (n == lows.length) {
                lows = Arrays.copyOf(lows, n * 2);
                highs = Arrays.copyOf(highs, n * 2);
            }
            lows[n] = (int) lo;
            highs[n] = (int) hi;
            n++;
        }

        IdRanges build() {
            return n == 0 ? EMPTY : new IdRanges(Arrays.copyOf(lows, n), Arrays.copyOf(highs, n));
        }
    }
}
