package org.fluxmp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.fluxmp.boot.facts.RankSet;
import org.junit.jupiter.api.Timeout;

/**
 * Rank expressions and idsets ({@code ranks = "0-3,5"}, {@code ">0"}, {@code "all"}):
 * {@link RankSet#parse} either gives a set that answers contains and prints itself, or throws
 * the IllegalArgumentException it documents (which every caller turns into a FILE:LINE problem).
 */
class IdsetFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void rankExpressions(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        InputCost.bounded(input, () -> {
            RankSet set;
            try {
                set = RankSet.parse(text);
            } catch (IllegalArgumentException documented) {
                return;
            }
            for (int rank : new int[] {0, 1, 7, 1023, Integer.MAX_VALUE}) {
                set.contains(rank);
            }
            set.toString();
            set.ranks();
        });
    }
}
