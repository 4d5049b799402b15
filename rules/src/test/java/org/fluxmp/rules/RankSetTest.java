package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.fluxmp.boot.facts.IdRanges;
import org.fluxmp.boot.facts.RankSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RankSetTest {

    private static void assertInvalid(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RankSet.parse(text));
        assertEquals("invalid idset: " + text, e.getMessage());
    }

    // --- all ---

    @Test
    void allMatchesEveryRank() {
        RankSet all = RankSet.parse("all");
        assertTrue(all.contains(0));
        assertTrue(all.contains(1));
        assertTrue(all.contains(Integer.MAX_VALUE));
    }

    @Test
    void allIsAll() {
        assertTrue(RankSet.parse("all").isAll());
    }

    @Test
    void allPrintsAsAll() {
        assertEquals("all", RankSet.parse("all").toString());
    }

    @Test
    void allConstantEqualsParsedAll() {
        assertEquals(RankSet.ALL, RankSet.parse("all"));
        assertTrue(RankSet.ALL.isAll());
        assertEquals("all", RankSet.ALL.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {">0", "<5", "0", "0-3,7", "0-2147483647"})
    void nothingButAllIsAll(String text) {
        assertFalse(RankSet.parse(text).isAll());
    }

    @Test
    void rejectsUppercaseAll() {
        assertInvalid("ALL");
    }

    // --- >N / <N ---

    @Test
    void greaterThanMatchesOnlyHigherRanks() {
        RankSet gt = RankSet.parse(">2");
        assertFalse(gt.contains(0));
        assertFalse(gt.contains(2));
        assertTrue(gt.contains(3));
        assertTrue(gt.contains(Integer.MAX_VALUE));
    }

    @Test
    void lessThanMatchesOnlyLowerRanks() {
        RankSet lt = RankSet.parse("<2");
        assertTrue(lt.contains(0));
        assertTrue(lt.contains(1));
        assertFalse(lt.contains(2));
        assertFalse(lt.contains(100));
    }

    @Test
    void greaterThanZeroExcludesRankZero() {
        RankSet gt = RankSet.parse(">0");
        assertFalse(gt.contains(0));
        assertTrue(gt.contains(1));
    }

    @Test
    void lessThanZeroMatchesNoRank() {
        RankSet lt = RankSet.parse("<0");
        assertFalse(lt.contains(0));
        assertFalse(lt.contains(1));
    }

    @ParameterizedTest
    @CsvSource({">0, >0", "<0, <0", ">17, >17", "<3, <3", ">007, >7", "<00, <0"})
    void comparisonPrintsCanonically(String text, String canonical) {
        assertEquals(canonical, RankSet.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {">", "<"})
    void rejectsComparisonWithoutNumber(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"> 1", ">1 ", " >1", "< 1"})
    void rejectsComparisonWithWhitespace(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {">-1", ">+1", "<-1", "<+1"})
    void rejectsComparisonWithSign(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {">1,2", ">1-2", "<[1]", ">>1", "<>1", ">1x", ">=1"})
    void rejectsComparisonWithNonDecimalOperand(String text) {
        assertInvalid(text);
    }

    @Test
    void rejectsComparisonOperandBeyondInt() {
        assertInvalid(">2147483648");
    }

    @Test
    void comparisonAcceptsLargestInt() {
        assertEquals(">2147483647", RankSet.parse(">2147483647").toString());
    }

    // --- idset: membership ---

    @Test
    void singleIdMatchesOnlyThatRank() {
        RankSet s = RankSet.parse("3");
        assertTrue(s.contains(3));
        assertFalse(s.contains(2));
        assertFalse(s.contains(4));
    }

    @Test
    void rangeMatchesBothEndsAndBetween() {
        RankSet s = RankSet.parse("2-5");
        assertFalse(s.contains(1));
        assertTrue(s.contains(2));
        assertTrue(s.contains(4));
        assertTrue(s.contains(5));
        assertFalse(s.contains(6));
    }

    @Test
    void listMatchesOnlyListedRanks() {
        RankSet s = RankSet.parse("[0-3,7,10-12]");
        for (int r : new int[] {0, 1, 2, 3, 7, 10, 11, 12}) {
            assertTrue(s.contains(r), "rank " + r);
        }
        for (int r : new int[] {4, 5, 6, 8, 9, 13, 1000}) {
            assertFalse(s.contains(r), "rank " + r);
        }
    }

    @Test
    void idsetNeverMatchesNegativeRank() {
        assertFalse(RankSet.parse("0-5").contains(-1));
    }

    @Test
    void hugeRangeIsCheap() {
        RankSet s = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> RankSet.parse("0-2000000000"));
        assertTrue(s.contains(0));
        assertTrue(s.contains(1_999_999_999));
        assertTrue(s.contains(2_000_000_000));
        assertFalse(s.contains(2_000_000_001));
    }

    @Test
    void acceptsLargestInt() {
        RankSet s = RankSet.parse("2147483647");
        assertTrue(s.contains(Integer.MAX_VALUE));
        assertEquals("2147483647", s.toString());
    }

    // --- idset: canonical form ---

    @Test
    void canonicalFormMergesConsecutiveIds() {
        assertEquals("0-1", RankSet.parse("0,1").toString());
        assertEquals("0-2", RankSet.parse("0,1,2").toString());
    }

    @Test
    void canonicalFormSortsEntries() {
        assertEquals("1,5,9", RankSet.parse("9,1,5").toString());
    }

    @Test
    void canonicalFormMergesOverlappingRanges() {
        assertEquals("0-3,7", RankSet.parse("7,0-3,2").toString());
        assertEquals("0-10", RankSet.parse("0-5,3-10").toString());
    }

    @Test
    void canonicalFormMergesAdjacentRanges() {
        assertEquals("0-7", RankSet.parse("4-7,0-3").toString());
    }

    @Test
    void canonicalFormDropsDuplicates() {
        assertEquals("3", RankSet.parse("3,3,3").toString());
    }

    @Test
    void canonicalFormDropsBrackets() {
        assertEquals("3", RankSet.parse("[3]").toString());
        assertEquals("0-3,7", RankSet.parse("[0-3,7]").toString());
    }

    @Test
    void canonicalFormWritesSingletonRangeAsId() {
        assertEquals("4", RankSet.parse("4-4").toString());
    }

    @Test
    void canonicalFormKeepsGapsSeparate() {
        assertEquals("0,2,4-5", RankSet.parse("0,2,4,5").toString());
    }

    @Test
    void canonicalFormDropsLeadingZeros() {
        assertEquals("1-3", RankSet.parse("01-003").toString());
    }

    @Test
    void canonicalFormMergesRangeEndingAtLargestInt() {
        assertEquals("0-2147483647", RankSet.parse("2147483647,0-2147483646").toString());
    }

    @Test
    void canonicalFormIsAFixedPoint() {
        String canonical = RankSet.parse("[9,0-3,2,4,11-12]").toString();
        assertEquals(canonical, RankSet.parse(canonical).toString());
    }

    // --- equality ---

    @Test
    void equalWhenCanonicalFormsMatch() {
        RankSet a = RankSet.parse("[7,0-3,2]");
        RankSet b = RankSet.parse("0-3,7");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void notEqualWhenCanonicalFormsDiffer() {
        assertNotEquals(RankSet.parse("0-3"), RankSet.parse("0-4"));
        assertNotEquals(RankSet.parse(">3"), RankSet.parse("<3"));
        assertNotEquals(RankSet.parse("all"), RankSet.parse("0-2147483647"));
    }

    @Test
    void notEqualToOtherTypes() {
        assertNotEquals(RankSet.parse("all"), "all");
        assertNotEquals(RankSet.parse("1"), null);
    }

    @Test
    void parseAllReturnsSharedConstant() {
        assertSame(RankSet.ALL, RankSet.parse("all"));
    }

    // --- idset: invalid forms ---

    @Test
    void rejectsEmptyString() {
        assertInvalid("");
    }

    @Test
    void rejectsEmptyBrackets() {
        assertInvalid("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "1,", ",1", "1,,2", "[1,]", "[,1]"})
    void rejectsEmptyEntry(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 1", "1 ", "1, 2", "1 ,2", "1 - 2", "[ 1]", "\t1", "1\n"})
    void rejectsWhitespace(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-1-2", "1,-2", "[-1]"})
    void rejectsNegativeNumber(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "1,+2", "+1-2", "1-+2"})
    void rejectsLeadingPlus(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3-1", "0,5-4", "[10-9]"})
    void rejectsDescendingRange(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-", "-", "1-2-3", "1--2"})
    void rejectsMalformedRange(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "0-2147483648", "99999999999999999999"})
    void rejectsNumberBeyondInt(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1", "1]", "[[1]]", "[1][2]", "[1],2", "]1["})
    void rejectsUnbalancedOrNestedBrackets(String text) {
        assertInvalid(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "1a", "0x10", "1.5", "1;2", "one", "all,1", "1e3"})
    void rejectsNonDecimalText(String text) {
        assertInvalid(text);
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> RankSet.parse(null));
    }

    // --- values: of and ranks ---

    @Test
    void ofRanksIsTheIdsetThatParsesFromItsText() {
        IdRanges r = IdRanges.range(0, 3).union(IdRanges.range(7, 7));
        RankSet s = RankSet.of(r);
        assertEquals(RankSet.parse("[7,0-3]"), s);
        assertEquals("0-3,7", s.toString());
        assertTrue(s.isIdset());
        assertSame(r, s.ranks());
        assertTrue(s.contains(7));
        assertFalse(s.contains(4));
    }

    @Test
    void ofNoRanksIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RankSet.of(IdRanges.EMPTY));
    }

    @Test
    void ranksAreWhatTheExpressionMatches() {
        assertEquals(IdRanges.EVERY, RankSet.ALL.ranks());
        assertEquals(IdRanges.range(3, Integer.MAX_VALUE), RankSet.parse(">2").ranks());
        assertEquals(IdRanges.range(0, 1), RankSet.parse("<2").ranks());
        assertEquals(RankSet.parse("0-3,7").ranks(), RankSet.parse("[7,0-2,3]").ranks());
        assertTrue(RankSet.parse("<0").ranks().isEmpty());
    }

    @Test
    void expressionsThatMatchTheSameRanksAreStillDifferentValues() {
        assertEquals(RankSet.parse("0-2147483647").ranks(), RankSet.ALL.ranks());
        assertNotEquals(RankSet.parse("0-2147483647"), RankSet.ALL);
        assertEquals(RankSet.parse("<2").ranks(), RankSet.parse("0-1").ranks());
        assertNotEquals(RankSet.parse("<2"), RankSet.parse("0-1"));
        assertFalse(RankSet.parse("<2").isIdset());
    }
}
