package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.junit.jupiter.api.Test;

/**
 * SPEC 2 and 3 loading errors: every problem is collected with FILE:LINE and reported at once; the
 * original's error phrases are kept. Fixtures: testdata/rules/load-errors/CASE/modprobe.d/*.toml
 * (added as a search-path dir) and testdata/rules/load-errors/rc/*.toml (read as rc files).
 */
class LoadingErrorsTest {

    private static List<String> configProblems(String caseDir) {
        ModprobeRules r = Scenario.of("load-errors").searchDir("load-errors/" + caseDir).open();
        return Scenario.located(r.problems());
    }

    private static List<String> rcProblems(String... rcFiles) {
        ModprobeRules r = Scenario.of("load-errors").open();
        for (String f : rcFiles) {
            r.readRcFile(Scenario.of("load-errors").file("rc/" + f), SetupStepRunner.NONE);
        }
        return Scenario.located(r.problems());
    }

    // ---- modprobe.toml / modprobe.d ----

    @Test
    void entryWithoutNameIsMissingRequiredConfigKeyName() {
        assertEquals(List.of("missing.toml:5: Missing required config key 'name'"), configProblems("missing-name"));
    }

    @Test
    void unknownKeyIsInvalidConfigKey() {
        assertEquals(List.of("invalid.toml:3: a2: invalid config key badkey"), configProblems("invalid-key"));
    }

    @Test
    void pythonStyleKeyGetsADidYouMeanHint() {
        assertEquals(List.of("python.toml:3: a3: invalid config key needs_config (did you mean 'needs-config'?)"),
                configProblems("python-key"));
    }

    @Test
    void wrongTypesNameTheKeyTheExpectedTypeAndTheLine() {
        assertEquals(List.of(
                "types.toml:3: p: key 'priority' must be an integer, not a string",
                "types.toml:7: r: key 'ranks' must be a string, not an integer",
                "types.toml:11: pr: key 'provides' must be an array of strings, not a string",
                "types.toml:15: d: key 'disabled' must be a boolean, not a string",
                "types.toml:19: ar: key 'args' must be an array of strings, not an array"),
                configProblems("wrong-types"));
    }

    @Test
    void entryWithABadKeyKeepsOnlyItsGoodKeysAndTheConfigIsRejected() {
        // the entry stays (so that verify can check the names it mentions) without the bad value
        ModprobeRules r = Scenario.of("load-errors").searchDir("load-errors/wrong-types").open();
        assertEquals(100, r.table().unit("p").orElseThrow().getPriority());
        assertThrows(ConfigException.class, r::decide);
    }

    @Test
    void badRanksIsInvalidIdset() {
        List<String> problems = configProblems("bad-idset");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("ranks.toml:3: bad-ranks: ranks: invalid idset"), problems.get(0));
    }

    @Test
    void invalidTomlSyntaxIsReportedWithFileAndLine() {
        List<String> problems = configProblems("syntax");
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).startsWith("broken.toml:1: invalid TOML"), problems.get(0));
    }

    @Test
    void topLevelScalarIsInvalidConfigKey() {
        assertEquals(List.of("scalar.toml:1: invalid config key foo"), configProblems("top-level-scalar"));
    }

    @Test
    void problemsInSeveralFilesAreReportedTogether() {
        assertEquals(List.of(
                "a.toml:3: s1: invalid config key badkey",
                "b.toml:2: Missing required config key 'name'",
                "b.toml:6: s2: key 'priority' must be an integer, not a boolean"),
                configProblems("several"));
    }

    @Test
    void decideThrowsEveryProblemAsOneConfigException() {
        ModprobeRules r = Scenario.of("load-errors").searchDir("load-errors/several").open();
        ConfigException e = assertThrows(ConfigException.class, r::decide);
        assertEquals(3, e.problems().size());
        assertTrue(e.getMessage().contains("a.toml:3: s1: invalid config key badkey"), e.getMessage());
    }

    // ---- rc files ----

    @Test
    void unknownTaskArgument() {
        // flux-core t0100 "modprobe detects invalid task args"
        assertEquals(List.of("unknown-arg.toml:4: test: unknown task argument branks"), rcProblems("unknown-arg.toml"));
    }

    @Test
    void pythonSpellingOfATaskArgumentGetsADidYouMeanHint() {
        assertEquals(List.of("python-spelling.toml:3: test: unknown task argument needs_attrs (did you mean 'needs-attrs'?)"),
                rcProblems("python-spelling.toml"));
    }

    @Test
    void taskWithoutNameIsMissingRequiredNameArgument() {
        assertEquals(List.of("missing-name.toml:2: missing required name argument"), rcProblems("missing-name.toml"));
    }

    @Test
    void duplicateTaskNameInOneFile() {
        List<String> problems = rcProblems("duplicate.toml");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("duplicate.toml:6: duplicate task name twice (first defined at "), problems.get(0));
    }

    @Test
    void duplicateTaskNameAcrossFiles() {
        List<String> problems = rcProblems("dup-a.toml", "dup-b.toml");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("dup-b.toml:2: duplicate task name shared (first defined at "), problems.get(0));
        assertTrue(problems.get(0).endsWith("dup-a.toml:2)"), problems.get(0));
    }

    @Test
    void beforeStarWithAfterIsRejectedWithTheOriginalsPhrase() {
        assertEquals(List.of("before-star-after.toml:8: next: cannot specify 'before=[\"*\"]' when 'after' is also set (after=['first'])"),
                rcProblems("before-star-after.toml"));
    }

    @Test
    void afterStarWithBeforeIsRejectedWithTheOriginalsPhrase() {
        assertEquals(List.of("after-star-before.toml:8: before: cannot specify 'after=[\"*\"]' when 'before' is also set (before=['last'])"),
                rcProblems("after-star-before.toml"));
    }

    @Test
    void taskRanksAreCheckedAsAnIdset() {
        // flux-core t0100 "modprobe ranks detects bad input"
        List<String> problems = rcProblems("bad-ranks.toml");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("invalid idset"), problems.get(0));
    }

    @Test
    void taskWrongTypesNameKeyAndType() {
        assertEquals(List.of(
                "wrong-type.toml:3: typed: key 'timeout' must be a string, not an integer",
                "wrong-type.toml:4: typed: key 'needs' must be an array of strings, not a string"),
                rcProblems("wrong-type.toml"));
    }

    @Test
    void taskWithTwoBodiesIsRejected() {
        assertEquals(List.of("two-bodies.toml:2: both: a task has exactly one body, found run and rpc"),
                rcProblems("two-bodies.toml"));
    }

    @Test
    void invalidTomlInAnRcFile() {
        List<String> problems = rcProblems("syntax.toml");
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).startsWith("syntax.toml:3: invalid TOML"), problems.get(0));
    }

    @Test
    void problemsInConfigAndRcFilesAreReportedTogether() {
        ModprobeRules r = Scenario.of("load-errors").searchDir("load-errors/invalid-key").open();
        r.readRcFile(Scenario.of("load-errors").file("rc/unknown-arg.toml"), SetupStepRunner.NONE);
        r.readRcFile(Scenario.of("load-errors").file("rc/missing-name.toml"), SetupStepRunner.NONE);
        ConfigException e = assertThrows(ConfigException.class, r::decide);
        assertEquals(List.of(
                "invalid.toml:3: a2: invalid config key badkey",
                "unknown-arg.toml:4: test: unknown task argument branks",
                "missing-name.toml:2: missing required name argument"), Scenario.located(e.problems()));
    }
}
