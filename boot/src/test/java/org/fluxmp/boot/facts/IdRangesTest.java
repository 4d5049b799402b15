package org.fluxmp.boot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Range arithmetic on rank sets, checked against bit sets. */
class IdRangesTest {
    private static final int SPAN = 200;

    private static IdRanges random(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1 + r.nextInt(6); k > 0; k--) {
            int lo = r.nextInt(SPAN);
            int hi = Math.min(SPAN - 1, lo + r.nextInt(30));
            sb.append(sb.length() == 0 ? "" : ",").append(lo).append('-').append(hi);
        }
        return RankSet.parse(sb.toString()).ranks();
    }

    private static BitSet bits(IdRanges s) {
        BitSet b = new BitSet();
        for (int i = 0; i < s.rangeCount(); i++) {
            b.set(s.low(i), s.high(i) + 1);
        }
        return b;
    }

    private static void assertSame(BitSet expected, IdRanges actual) {
        assertEquals(expected, bits(actual), actual.toString());
        assertEquals(expected.cardinality(), actual.count());
        for (int i = 1; i < actual.rangeCount(); i++) {
            assertTrue(actual.low(i) > actual.high(i - 1) + 1, "ranges are disjoint and not adjacent: " + actual);
        }
    }

    @Test
    void intersectMinusAndUnionAgreeWithBitSets() {
        Random r = new Random(7);
        for (int k = 0; k < 2000; k++) {
            IdRanges a = random(r);
            IdRanges b = random(r);
            BitSet and = bits(a);
            and.and(bits(b));
            assertSame(and, a.intersect(b));
            BitSet minus = bits(a);
            minus.andNot(bits(b));
            assertSame(minus, a.minus(b));
            BitSet or = bits(a);
            or.or(bits(b));
            assertSame(or, a.union(b));
        }
    }

    @Test
    void containsAgreesWithBitSets() {
        Random r = new Random(8);
        for (int k = 0; k < 200; k++) {
            IdRanges a = random(r);
            BitSet b = bits(a);
            for (int rank = 0; rank < SPAN + 2; rank++) {
                assertEquals(b.get(rank), a.contains(rank), a + " contains " + rank);
            }
        }
    }

    @Test
    void rankExpressionsCoverWhatTheyMatch() {
        assertEquals("0-2147483647", RankSet.parse("all").ranks().toString());
        assertEquals("0-9", RankSet.parse("<10").ranks().toString());
        assertEquals("11-2147483647", RankSet.parse(">10").ranks().toString());
        assertTrue(RankSet.parse("<0").ranks().isEmpty());
        assertTrue(RankSet.parse(">2147483647").ranks().isEmpty());
        assertEquals("0-3,7", RankSet.parse("[7,0-2,3]").ranks().toString());
    }

    @Test
    void hugeSetsCostTheirRangesNotTheirRanks() {
        IdRanges every = IdRanges.EVERY;
        IdRanges odd = RankSet.parse("1,3,5").ranks();
        assertEquals(2147483648L - 3, every.minus(odd).count());
        assertEquals("0,2,4,6-2147483647", every.minus(odd).toString());
    }
}
