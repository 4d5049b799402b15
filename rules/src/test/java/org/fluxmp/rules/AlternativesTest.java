package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fluxmp.boot.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.4 alternatives and 4.3 viability: a service resolves to the highest (priority, load order)
 * provider that is enabled with needs met, else the highest overall; set-alternative raises a
 * module's priority above every other provider. Fixtures: testdata/rules/alternatives (a config of
 * its own) and testdata/rules/schedulers (flux-core t0100's two extra schedulers on the shipped config).
 */
class AlternativesTest {

    private static Decisions alternatives() {
        return Scenario.of("alternatives").open().decide();
    }

    private static String provider(Decisions d, String service) {
        return d.provider(service).orElseThrow().getName();
    }

    // ---- priority and load order ----

    @Test
    void highestPriorityProviderWinsWhateverTheLoadOrder() {
        assertEquals("high", provider(alternatives(), "by-priority"));
    }

    @Test
    void equalPrioritiesAreDecidedByLoadOrderTheLaterWins() {
        assertEquals("tie-second", provider(alternatives(), "by-load-order"));
    }

    @Test
    void enabledProviderBeatsHigherPriorityDisabledOne() {
        assertEquals("enabled-low", provider(alternatives(), "prefers-enabled"));
    }

    @Test
    void aModuleNameResolvesToTheModuleItself() {
        assertEquals("low", provider(alternatives(), "low"));
    }

    @Test
    void theSelectedChoiceIsReportedAsAnAlternativeOfTheService() {
        Decisions d = alternatives();
        assertEquals("high", d.alternatives().get("by-priority"));
        assertEquals("select-highest-viable", d.choice("by-priority").orElseThrow().rule());
    }

    @Test
    void highPriorityDropInSchedulerWinsSchedAndFeasibility() {
        Decisions d = Scenario.of("schedulers").open().decide();
        assertEquals("advanced-scheduler", provider(d, "sched"));
        assertEquals("advanced-scheduler", provider(d, "feasibility"));
    }

    @Test
    void priorityAboveTenBillionStillWins() {
        Decisions d = Scenario.of("priority-range").open().decide();
        assertEquals("huge", provider(d, "big"));
    }

    @Test
    void priorityBelowMinusTenBillionStillLoses() {
        Decisions d = Scenario.of("priority-range").open().decide();
        assertEquals("zero", provider(d, "small"));
    }

    @Test
    void setAlternativeAboveAPriorityOfTenBillionWins() {
        ModprobeRules r = Scenario.of("priority-range").open();
        r.setAlternative("big", "one", "-S");
        assertEquals("one", provider(r.decide(), "big"));
    }

    @Test
    void setAlternativeAgainstTheLargestPriorityIsAnError() {
        ModprobeRules r = Scenario.of("priority-range").open();
        r.setAlternative("maxed", "other", "-S");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, r::decide);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("largest possible priority"), e.getMessage());
    }

    @Test
    void shippedConfigSelectsSchedSimple() {
        Decisions d = Scenario.shipped().open().decide();
        assertEquals("sched-simple", provider(d, "sched"));
        assertEquals("sched-simple", provider(d, "feasibility"));
    }

    // ---- set-alternative ----

    @Test
    void setAlternativeMakesALowerPriorityModuleWin() {
        ModprobeRules r = Scenario.of("alternatives").open();
        r.setAlternative("by-priority", "low", "test");
        Decisions d = r.decide();
        assertEquals("low", provider(d, "by-priority"));
    }

    @Test
    void setAlternativeRaisesPriorityAboveEveryOtherProvider() {
        ModprobeRules r = Scenario.of("alternatives").open();
        r.setAlternative("by-priority", "low", "test");
        Unit low = r.table().unit("low").orElseThrow();
        assertTrue(low.getPriority() > 100, "priority " + low.getPriority());
        assertEquals(1, low.getPriorityNotes().size());
    }

    @Test
    void setAlternativePropagatesToTheModulesOtherServices() {
        ModprobeRules r = Scenario.of("alternatives").open();
        r.setAlternative("svc-x", "pair-a", "test");
        Decisions d = r.decide();
        assertEquals("pair-a", provider(d, "svc-x"));
        assertEquals("pair-a", provider(d, "svc-y"));
    }

    @Test
    void setAlternativeOnSchedAlsoSelectsFeasibility() {
        ModprobeRules r = Scenario.of("schedulers").open();
        r.setAlternative("sched", "basic-scheduler", "-S");
        Decisions d = r.decide();
        assertEquals("basic-scheduler", provider(d, "sched"));
        assertEquals("basic-scheduler", provider(d, "feasibility"));
    }

    @Test
    void setAlternativePropagationIsSymmetric() {
        ModprobeRules r = Scenario.of("schedulers").open();
        r.setAlternative("feasibility", "basic-scheduler", "-S");
        assertEquals("basic-scheduler", provider(r.decide(), "sched"));
    }

    @Test
    void alternativesKeyInModprobeDSelectsTheProviderOfEveryService() {
        Decisions d = Scenario.of("schedulers").searchDir("sched-alternative-file").open().decide();
        assertEquals("basic-scheduler", provider(d, "sched"));
        assertEquals("basic-scheduler", provider(d, "feasibility"));
    }

    @Test
    void brokerConfigModulesAlternativesSelectsTheProvider() {
        Decisions d = Scenario.of("schedulers").conf("modules.alternatives.sched", "basic-scheduler").open().decide();
        assertEquals("basic-scheduler", provider(d, "sched"));
        assertEquals("basic-scheduler", provider(d, "feasibility"));
    }

    @Test
    void brokerConfigAlternativesForBothServicesAgree() {
        Decisions d = Scenario.of("schedulers")
                .conf("modules.alternatives.sched", "basic-scheduler")
                .conf("modules.alternatives.feasibility", "basic-scheduler")
                .open().decide();
        assertEquals("basic-scheduler", provider(d, "sched"));
        assertEquals("basic-scheduler", provider(d, "feasibility"));
    }

    @Test
    void setAlternativeOfAProviderThatIsNotEnabledDoesNotWin() {
        // python t0100 test_resolve_service_disabled_alternative_not_in_active_tasks
        ModprobeRules r = Scenario.of("alternatives").open();
        r.setAlternative("prefers-enabled", "disabled-high", "test");
        assertEquals("enabled-low", provider(r.decide(), "prefers-enabled"));
    }

    @Test
    void setAlternativeSurvivesDisablingAnotherProvider() {
        ModprobeRules r = Scenario.of("schedulers").open();
        r.disable("advanced-scheduler", "--disable");
        r.setAlternative("sched", "sched-simple", "-S");
        assertEquals("sched-simple", provider(r.decide(), "feasibility"));
    }

    @Test
    void setAlternativeOfAnUnknownServiceFailsWithNoSuchService() {
        ModprobeRules r = Scenario.of("alternatives").open();
        r.setAlternative("nosuch", "low", "-S");
        ConfigException e = assertThrows(ConfigException.class, r::decide);
        assertEquals(List.of("no such service nosuch"), Scenario.messages(e.problems()));
    }

    @Test
    void setAlternativeOfAModuleThatDoesNotProvideTheServiceFails() {
        ModprobeRules r = Scenario.of("schedulers").open();
        r.setAlternative("sched", "foo", "-S");
        ConfigException e = assertThrows(ConfigException.class, r::decide);
        assertEquals(List.of("no module foo provides sched"), Scenario.messages(e.problems()));
    }

    @Test
    void alternativesKeyNamingAnUnknownServiceIsAProblemWithFileAndLine() {
        ModprobeRules r = Scenario.of("alternatives").searchDir("alternative-errors/no-such-service").open();
        assertEquals(List.of("alt.toml:2: no such service nosuch"), Scenario.located(r.problems()));
    }

    @Test
    void alternativesKeyNamingANonProviderIsAProblemWithFileAndLine() {
        ModprobeRules r = Scenario.of("alternatives").searchDir("alternative-errors/no-such-provider").open();
        assertEquals(List.of("alt.toml:2: no module tie-first provides by-priority"), Scenario.located(r.problems()));
    }

    @Test
    void brokerConfigAlternativeNamingANonProviderIsAProblem() {
        ModprobeRules r = Scenario.of("schedulers").conf("modules.alternatives.sched", "kvs").open();
        assertEquals(List.of("no module kvs provides sched"), Scenario.messages(r.problems()));
    }

    // ---- needs-aware resolution (SPEC 4.3, 4.4) ----

    @Test
    void highPriorityProviderWithUnmetNeedLosesToViableLowPriorityOne() {
        Decisions d = alternatives();
        assertEquals("simple-module", provider(d, "test-sched"));
        assertFalse(d.viable("advanced-module"));
        assertEquals("nonexistent-module", d.unviableNeed("advanced-module").orElseThrow());
    }

    @Test
    void unmetNeedMakesAProviderNonViableButLeavesItEnabled() {
        Decisions d = alternatives();
        assertTrue(d.enabled("advanced-module"));
        assertFalse(d.viable("advanced-module"));
    }

    @Test
    void whenNoProviderIsViableTheHighestOverallIsTheFallback() {
        Decisions d = alternatives();
        assertEquals("unviable-high", provider(d, "nobody-viable"));
        assertFalse(d.choice("nobody-viable").orElseThrow().viable());
        assertEquals("select-fallback-highest", d.choice("nobody-viable").orElseThrow().rule());
    }

    @Test
    void anUnmetNeedTwoLevelsDownMakesTheTopNonViable() {
        Decisions d = alternatives();
        assertFalse(d.viable("chain-mid"));
        assertFalse(d.viable("chain-top"));
        assertEquals("chain-mid", d.unviableNeed("chain-top").orElseThrow());
        assertEquals("chain-fallback", provider(d, "chain-service"));
    }

    @Test
    void needsDiamondLeavesTheTopViable() {
        // deliberate difference: the original's shared visited set can make diamond-top non-viable
        Decisions d = alternatives();
        assertTrue(d.viable("diamond-left"));
        assertTrue(d.viable("diamond-right"));
        assertTrue(d.viable("diamond-top"));
        assertEquals("diamond-top", provider(d, "diamond-service"));
    }

    @Test
    void needsDiamondWithItsBottomDisabledIsNotViable() {
        ModprobeRules r = Scenario.of("alternatives").open();
        r.disable("diamond-bottom", "--disable");
        Decisions d = r.decide();
        assertFalse(d.viable("diamond-left"));
        assertFalse(d.viable("diamond-right"));
        assertFalse(d.viable("diamond-top"));
        assertEquals("diamond-fallback", provider(d, "diamond-service"));
    }

    @Test
    void needsCycleWhoseMembersAreEnabledStaysViable() {
        // deliberate difference: the original finds a needs cycle non-viable
        Decisions d = alternatives();
        assertTrue(d.viable("cycle-a"));
        assertTrue(d.viable("cycle-b"));
        assertEquals("cycle-a", provider(d, "cycle-service"));
    }

    @Test
    void needsCycleWithOneMemberDisabledIsNotViable() {
        ModprobeRules r = Scenario.of("alternatives").open();
        r.disable("cycle-b", "--disable");
        Decisions d = r.decide();
        assertFalse(d.viable("cycle-a"));
        assertEquals("cycle-fallback", provider(d, "cycle-service"));
    }
}
