package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.Problem;
import org.junit.jupiter.api.Test;

/**
 * StaticChecks (what verify adds to the loading errors): every name in requires, needs, after and
 * before is a known task, module or service; "*" is only allowed alone. Fixture:
 * testdata/rules/static-checks.
 */
class StaticChecksTest {

    private static List<String> check(ModprobeRules r) {
        List<Problem> problems = new ArrayList<>();
        StaticChecks.check(r.table(), problems);
        return Scenario.located(problems);
    }

    @Test
    void theShippedConfigAndRc1AreClean() {
        ModprobeRules r = Scenario.shipped().rc1();
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), check(r));
    }

    @Test
    void unknownNamesInRequiresNeedsAfterAndBeforeAreReportedWithFileAndLine() {
        assertEquals(List.of(
                "modprobe.toml:13: bad-refs: requires: no such task or module no-such-required",
                "modprobe.toml:14: bad-refs: needs: no such task or module no-such-needed",
                "modprobe.toml:15: bad-refs: after: no such task or module no-such-after",
                "modprobe.toml:16: bad-refs: before: no such task or module no-such-before",
                "modprobe.toml:20: empty-condition: needs-attrs: empty name in '!'"),
                check(Scenario.of("static-checks").open()));
    }

    @Test
    void starMustBeTheOnlyEntry() {
        ModprobeRules r = Scenario.of("static-checks").run("stars.toml");
        List<String> problems = check(r).stream().filter(p -> p.startsWith("stars.toml")).toList();
        assertEquals(List.of("stars.toml:3: star-among-others: before: \"*\" must be the only entry"), problems);
    }
}
