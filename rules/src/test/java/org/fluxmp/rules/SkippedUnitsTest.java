package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What {@code solve} lists as skipped: units the run asked for that will not run, with a one-line reason. */
class SkippedUnitsTest {

    private static Map<String, String> skipped(Decision d) {
        return d.skipped().stream().collect(Collectors.toMap(SkippedUnits.Skip::name, SkippedUnits.Skip::reason));
    }

    private static Decision rc1(int rank, Selection selection) {
        Fixture f = Fixture.shipped();
        f.facts.rank(rank);
        return f.runlevel("rc1", selection);
    }

    private static Decision rc1(int rank) {
        return rc1(rank, Selection.NONE);
    }

    @Test
    void aTaskWhoseNeedIsGoneIsSkippedWithTheNeed() {
        Decision d = rc1(0, new Selection(List.of(), List.of(new Selection.Disable("content-backing", "--disable content-backing"))));
        assertEquals("needs content-backing, and no provider of content-backing is left in rc1",
                skipped(d).get("post-start-event"));
    }

    @Test
    void aUnitThatIsNotEnabledIsSkippedWithTheRuleThatBlockedIt() {
        String why = skipped(rc1(1)).get("job-manager");
        assertTrue(why.startsWith("not enabled: ranks = \"0\" does not include rank 1"), why);
    }

    @Test
    void unitsInTheRunAreNotSkipped() {
        Map<String, String> s = skipped(rc1(0));
        for (String n : List.of("kvs", "content", "post-start-event", "run-all-rc1")) {
            assertTrue(!s.containsKey(n), n);
        }
    }

    @Test
    void unitsNobodyAskedForAreNotListed() {
        // sched-fifo is configured, but rc1 asks for the sched service, which sched-simple provides
        assertTrue(!skipped(rc1(0)).containsKey("sched-fifo"));
    }
}
