package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fluxmp.boot.Place;
import org.junit.jupiter.api.Test;

/**
 * SPEC 2 updates: a second [[modules]] entry updates the keys it sets and keeps the first one's
 * load-order position; NAME.KEY tables update a module or the provider chosen for a service; the
 * broker config [modules] table is applied after all files, updates before alternatives.
 * Fixture: testdata/rules/updates (etc/ plus d1/modprobe.d/010-second-entry.toml, 020-dotted.toml).
 */
class ConfigUpdatesTest {

    private static ModprobeRules updates() {
        return Scenario.of("updates").open();
    }

    private static Unit unit(ModprobeRules r, String name) {
        return r.table().unit(name).orElseThrow();
    }

    @Test
    void updateFilesAreReadWithoutProblems() {
        assertEquals(List.of(), updates().problems());
    }

    // ---- defaults (SPEC 2 table) ----

    @Test
    void keysDefaultAsTheSpecSays() {
        Unit c = unit(Scenario.of("updates").open(), "m-b");
        assertEquals("m-b", c.getModule());
        assertEquals("all", c.getRanks().toString());
        assertEquals(List.of(), c.getArgs());
        assertEquals(List.of(), c.getRequires());
        assertFalse(c.isDisabled());
        assertFalse(c.isExec());
        assertEquals(100, Scenario.shipped().open().table().unit("kvs").orElseThrow().getPriority());
    }

    @Test
    void moduleKeyNamesWhatIsLoaded() {
        assertEquals("sdbus", Scenario.shipped().open().table().unit("sdbus-sys").orElseThrow().getModule());
    }

    // ---- a second [[modules]] entry ----

    @Test
    void secondEntryWithTheSameNameUpdatesTheKeysItSets() {
        assertEquals(100, unit(updates(), "m-a").getPriority());
    }

    @Test
    void secondEntryKeepsTheKeysItDoesNotSet() {
        Unit a = unit(updates(), "m-a");
        assertEquals(List.of("one"), a.getArgs());
        assertEquals(List.of("svc"), a.getProvides());
    }

    @Test
    void secondEntryKeepsTheFirstEntrysLoadOrderPosition() {
        ModprobeRules r = updates();
        assertEquals(0, unit(r, "m-a").getIndex());
        assertEquals(5, r.table().size());
    }

    @Test
    void updatedModuleStillLosesATieToALaterModule() {
        // m-a and m-b both have priority 100 now; m-b is later in load order
        assertEquals("m-b", updates().decide().provider("svc").orElseThrow().getName());
    }

    @Test
    void updateRaisingPriorityAboveTheOtherProviderWins() {
        Decisions d = Scenario.of("updates").searchDir("updates-raise").open().decide();
        assertEquals("m-a", d.provider("svc").orElseThrow().getName());
    }

    // ---- NAME.KEY = VALUE ----

    @Test
    void dottedUpdateSetsAHyphenatedKey() {
        assertEquals(List.of("FOO", "!BAR"), unit(updates(), "m-c").getNeedsEnv());
    }

    @Test
    void dottedUpdateSetsABooleanKey() {
        assertTrue(unit(updates(), "m-c").isExec());
    }

    @Test
    void dottedUpdateOfProvidesMakesTheModuleAProviderOfTheNewService() {
        ModprobeRules r = updates();
        assertEquals(List.of("m-c"), r.table().providers("extra-svc").stream().map(Unit::getName).toList());
        assertEquals("m-c", r.decide().provider("extra-svc").orElseThrow().getName());
    }

    @Test
    void ranksArePrintedInCanonicalForm() {
        assertEquals("0-2", unit(updates(), "m-c").getRanks().toString());
    }

    @Test
    void updateThroughAServiceNameUpdatesItsCurrentProvider() {
        ModprobeRules r = updates();
        assertEquals("0-1", unit(r, "sched-simple").getRanks().toString());
        assertEquals("0", unit(r, "sched-fifo").getRanks().toString());
    }

    @Test
    void updateRecordsWhereTheKeyWasSet() {
        Place p = unit(updates(), "m-c").placeOf("ranks");
        assertTrue(p.file().endsWith("020-dotted.toml"), p.toString());
        assertEquals(3, p.line());
    }

    @Test
    void updateOfAnUnknownNameIsAProblemWithFileAndLine() {
        ModprobeRules r = Scenario.of("updates").searchDir("update-errors/unknown-name").open();
        assertEquals(List.of("x.toml:2: no such task or module nosuch"), Scenario.located(r.problems()));
    }

    @Test
    void updateOfAnUnknownKeyOrWithAWrongTypeIsAProblemAndGoodKeysStillApply() {
        ModprobeRules r = Scenario.of("updates").searchDir("update-errors/bad-key").open();
        assertEquals(List.of(
                "x.toml:2: m-a: invalid config key prioirty",
                "x.toml:3: m-c: key 'ranks' must be a string, not an integer"), Scenario.located(r.problems()));
        assertEquals(1, unit(r, "m-a").getPriority());
    }

    // ---- broker config [modules] ----

    @Test
    void brokerConfigModulesUpdatesAModule() {
        ModprobeRules r = Scenario.of("updates").conf("modules.m-b.priority", 7L).open();
        assertEquals(7, unit(r, "m-b").getPriority());
    }

    @Test
    void brokerConfigModulesUpdatesThroughAServiceName() {
        // flux-core t0100 "modprobe applies updates from [modules] table"
        ModprobeRules r = Scenario.shipped().conf("modules.feasibility.ranks", "0,4").open();
        assertEquals("0,4", unit(r, "sched-simple").getRanks().toString());
    }

    @Test
    void brokerConfigModulesUpdatesAreAppliedAfterTheFiles() {
        ModprobeRules r = Scenario.of("updates").conf("modules.m-c.ranks", "5").open();
        assertEquals("5", unit(r, "m-c").getRanks().toString());
    }

    @Test
    void brokerConfigModulesCanSetExec() {
        ModprobeRules r = Scenario.shipped().conf("modules.job-manager.exec", true).open();
        assertTrue(unit(r, "job-manager").isExec());
        assertFalse(unit(r, "kvs").isExec());
    }

    @Test
    void brokerConfigUpdatesComeBeforeTheAlternatives() {
        // raised to 1000 first, m-a's alternative then goes above it; the other order would leave m-b
        ModprobeRules r = Scenario.of("updates")
                .conf("modules.alternatives.svc", "m-a")
                .conf("modules.m-b.priority", 1000L)
                .open();
        assertEquals("m-a", r.decide().provider("svc").orElseThrow().getName());
        assertTrue(unit(r, "m-a").getPriority() > 1000);
    }

    @Test
    void brokerConfigUpdateOfAnUnknownNameIsAProblem() {
        ModprobeRules r = Scenario.of("updates").conf("modules.nosuch.priority", 1L).open();
        assertEquals(List.of("no such task or module nosuch"), Scenario.messages(r.problems()));
        assertEquals("broker config [modules]", r.problems().get(0).file());
    }
}
