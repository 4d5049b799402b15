package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.3 needs in a run: a task is skipped when one of its needs has no provider in the active
 * set that is enabled and not itself skipped; skips propagate; a needs cycle stays enabled.
 * Fixtures: testdata/rules/needs-run/*.toml, ports of flux-core t0100's needs cases.
 */
class NeedsInRunTest {

    private static Decisions run(String file, int rank) {
        return Scenario.of("needs-run").rank(rank).run(file).decide();
    }

    @Test
    void taskWhoseNeedNothingProvidesIsSkipped() {
        Decisions d = run("no-provider.toml", 0);
        assertEquals(List.of("first"), d.runnable());
        assertEquals("noexist", d.skippedNeed("last").orElseThrow());
    }

    @Test
    void skippedTaskIsStillInTheActiveSet() {
        Decisions d = run("no-provider.toml", 0);
        assertEquals(List.of("first", "last"), d.activeUnits());
    }

    @Test
    void taskWhoseNeedIsInTheRunRuns() {
        Decisions d = run("needs-met.toml", 0);
        assertEquals(List.of("first", "last"), d.runnable());
    }

    @Test
    void needsWorkWithRanksNeededTaskOnItsRank() {
        assertEquals(List.of("first", "needed", "last"), run("needs-ranks.toml", 0).runnable());
    }

    @Test
    void needsWorkWithRanksNeededTaskNotOnThisRank() {
        Decisions d = run("needs-ranks.toml", 1);
        assertEquals(List.of("first"), d.runnable());
        assertEquals("needed", d.skippedNeed("last").orElseThrow());
    }

    @Test
    void needsWorkRecursivelyASkipPropagatesToWhatNeedsTheSkippedTask() {
        Decisions d = run("recursive.toml", 0);
        assertEquals(List.of("first"), d.runnable());
        assertEquals("needed", d.skippedNeed("next").orElseThrow());
        assertEquals("next", d.skippedNeed("last").orElseThrow());
    }

    @Test
    void needsWorkRecursivelyAllTasksEnabled() {
        assertEquals(List.of("first", "needed", "next", "last"), run("recursive.toml", 1).runnable());
    }

    @Test
    void disablingANeededTaskSkipsItsDependentsButNotTasksOrderedAfterIt() {
        // flux-core t0100 "FLUX_MODPROBE_DISABLE + needs works": only "second" runs
        ModprobeRules r = Scenario.of("needs-run").run("disabled-needed.toml");
        r.disable("first", "FLUX_MODPROBE_DISABLE");
        Decisions d = r.decide();
        assertEquals(List.of("2nd"), d.runnable());
        assertEquals("first", d.skippedNeed("last").orElseThrow());
    }

    @Test
    void needsCycleWhoseMembersAreEnabledStaysInTheRun() {
        assertEquals(List.of("ping", "pong"), run("needs-cycle.toml", 0).runnable());
    }

    @Test
    void needsCycleWithAMemberDisabledIsSkippedWhole() {
        ModprobeRules r = Scenario.of("needs-run").run("needs-cycle.toml");
        r.disable("pong", "--disable");
        Decisions d = r.decide();
        assertEquals(List.of(), d.runnable());
        assertEquals("pong", d.skippedNeed("ping").orElseThrow());
    }

    @Test
    void needMetByAModuleLoadedInSetup() {
        Decisions d = run("needs-module.toml", 0);
        assertTrue(d.runnable().contains("uses-loaded"), d.runnable().toString());
        assertTrue(d.runnable().contains("loaded-mod"), d.runnable().toString());
    }

    @Test
    void needIsNotMetByAConfiguredModuleOutsideTheRun() {
        // idle-mod provides idle-svc and is viable, but nothing in the run loads it
        Decisions d = run("needs-module.toml", 0);
        assertTrue(d.viable("uses-idle"));
        assertFalse(d.runnable().contains("uses-idle"));
        assertEquals("idle-svc", d.skippedNeed("uses-idle").orElseThrow());
    }

    @Test
    void forceEnabledTaskIsStillSkippedForAnUnmetNeed() {
        Decisions d = Scenario.of("force-enable").rank(1).run("enable.toml").decide();
        assertTrue(d.enabled("needy"));
        assertEquals("missing-service", d.skippedNeed("needy").orElseThrow());
        assertFalse(d.runnable().contains("needy"));
    }
}
