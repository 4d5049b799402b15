package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.FactKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC 4.1 enabled: not disabled, rank matches, every needs-attrs/needs-config/needs-env condition
 * holds; force-enable overrides all of these but not needs. Fixtures: testdata/rules/conditions
 * (one task per rule) and testdata/rules/force-enable.
 */
class EnabledRulesTest {

    private static Scenario conditions() {
        return Scenario.of("conditions");
    }

    private static Decisions decide(Scenario s) {
        return s.run("conditions.toml").decide();
    }

    private static boolean enabled(Scenario s, String task) {
        return decide(s).enabled(task);
    }

    // ---- the disabled flag ----

    @Test
    void taskWithNoConditionsIsEnabled() {
        assertTrue(enabled(conditions(), "plain"));
    }

    @Test
    void disabledFlagBlocksTheTaskWithRuleDisabledFlag() {
        Decisions d = decide(conditions());
        assertFalse(d.enabled("flagged"));
        assertEquals("disabled-flag", d.blockedBy("flagged").get(0).rule());
        assertTrue(d.blockedBy("flagged").get(0).text().contains("conditions.toml:"), d.blockedBy("flagged").toString());
    }

    // ---- ranks ----

    @ParameterizedTest(name = "{0} on rank {1}: enabled={2}")
    @CsvSource({
        "rank-zero, 0, true", "rank-zero, 1, false",
        "rank-above-zero, 0, false", "rank-above-zero, 1, true", "rank-above-zero, 7, true",
        "rank-below-one, 0, true", "rank-below-one, 1, false",
        "rank-idset, 0, false", "rank-idset, 1, true", "rank-idset, 2, true", "rank-idset, 3, false", "rank-idset, 5, true",
        "rank-all, 0, true", "rank-all, 1000, true",
    })
    void ranksDecideWhetherATaskIsEnabledOnARank(String task, int rank, boolean expected) {
        assertEquals(expected, enabled(conditions().rank(rank), task));
    }

    @Test
    void rankMismatchIsReportedWithRuleAndRanks() {
        Decisions d = decide(conditions().rank(1));
        Decisions.Reason why = d.blockedBy("rank-zero").get(0);
        assertEquals("rank-mismatch", why.rule());
        assertTrue(why.text().startsWith("ranks = \"0\" does not include rank 1"), why.text());
    }

    // ---- needs-attrs ----

    @Test
    void needsAttrsUnsetAttributeBlocks() {
        Decisions d = decide(conditions());
        assertFalse(d.enabled("attr-set"));
        assertEquals(new Decisions.Reason("condition-needs-set",
                "needs-attrs test.needed is not set"), d.blockedBy("attr-set").get(0));
    }

    @Test
    void needsAttrsSetAttributeEnables() {
        assertTrue(enabled(conditions().attr("test.needed", "1"), "attr-set"));
    }

    @Test
    void needsAttrsAttributeSetToZeroCountsAsSet() {
        assertTrue(enabled(conditions().attr("test.zero", "0"), "attr-zero"));
    }

    @Test
    void needsAttrsBangWithTheAttributeSetBlocks() {
        Decisions d = decide(conditions().attr("size", "2"));
        assertFalse(d.enabled("attr-unset"));
        assertEquals("condition-needs-unset", d.blockedBy("attr-unset").get(0).rule());
    }

    @Test
    void needsAttrsBangWithTheAttributeUnsetEnables() {
        assertTrue(enabled(conditions(), "attr-unset"));
    }

    @Test
    void bangWithAnotherUnmetConditionStillBlocks() {
        assertFalse(enabled(conditions(), "attr-two-conditions"));
        assertFalse(enabled(conditions().attr("size", "1").attr("test.needed", "1"), "attr-two-conditions"));
        assertTrue(enabled(conditions().attr("test.needed", "1"), "attr-two-conditions"));
    }

    @Test
    void everyFailingConditionIsAReason() {
        Decisions d = decide(conditions().attr("size", "1"));
        assertEquals(2, d.blockedBy("attr-two-conditions").size(), d.blockedBy("attr-two-conditions").toString());
    }

    @Test
    void needsAttrsEqualsHoldsOnlyForThatValue() {
        assertTrue(enabled(conditions().attr("mode", "fast"), "attr-equals"));
        assertFalse(enabled(conditions().attr("mode", "slow"), "attr-equals"));
        assertFalse(enabled(conditions(), "attr-equals"));
    }

    @Test
    void needsAttrsNotEqualsHoldsForOtherValues() {
        assertTrue(enabled(conditions().attr("mode", "slow"), "attr-not-equals"));
        assertFalse(enabled(conditions().attr("mode", "fast"), "attr-not-equals"));
    }

    @Test
    void needsAttrsNotEqualsHoldsWhenUnset() {
        assertTrue(enabled(conditions(), "attr-not-equals"));
    }

    @Test
    void valueMismatchIsReportedWithTheValueSeen() {
        Decisions d = decide(conditions().attr("mode", "slow"));
        assertEquals(new Decisions.Reason("condition-needs-value",
                "needs-attrs mode=fast: attribute mode is set to \"slow\""), d.blockedBy("attr-equals").get(0));
    }

    // ---- needs-config ----

    @Test
    void needsConfigUnsetKeyBlocks() {
        assertFalse(enabled(conditions(), "config-set"));
    }

    @Test
    void needsConfigSetKeyEnables() {
        assertTrue(enabled(conditions().conf("needed", 1L), "config-set"));
    }

    @Test
    void needsConfigBangWithTheKeySetBlocks() {
        assertFalse(enabled(conditions().conf("needed", 1L), "config-unset"));
        assertTrue(enabled(conditions(), "config-unset"));
    }

    @Test
    void needsConfigDottedKeyLooksIntoTables() {
        assertTrue(enabled(conditions().conf("systemd.enable", true), "config-dotted"));
        assertFalse(enabled(conditions().conf("systemd.other", true), "config-dotted"));
    }

    @Test
    void needsConfigKeySetToFalseCountsAsSet() {
        // as in the original: only an absent key is unset
        assertTrue(enabled(conditions().conf("systemd.enable", false), "config-dotted"));
    }

    @Test
    void needsConfigNamingATableHoldsWhenTheTableExists() {
        assertTrue(enabled(conditions().conf("fake-resources.nnodes", 4L), "config-table"));
        assertFalse(enabled(conditions(), "config-table"));
    }

    @Test
    void needsConfigBooleanTrueEqualsTheStringTrue() {
        assertTrue(enabled(conditions().conf("systemd.enable", true), "config-true"));
        assertFalse(enabled(conditions().conf("systemd.enable", false), "config-true"));
    }

    // ---- needs-env ----

    @Test
    void needsEnvUnsetVariableBlocks() {
        assertFalse(enabled(conditions(), "env-set"));
    }

    @Test
    void needsEnvLocalVariableEnables() {
        assertTrue(enabled(conditions().env("MODPROBE_TEST_VAR", "1"), "env-set"));
    }

    @Test
    void needsEnvFallsBackToTheBrokersEnvironment() {
        assertTrue(enabled(conditions().brokerEnv("MODPROBE_TEST_VAR", "1"), "env-set"));
    }

    @Test
    void needsEnvBangWithTheVariableSetBlocks() {
        assertFalse(enabled(conditions().env("MODPROBE_TEST_VAR", "x"), "env-unset"));
        assertTrue(enabled(conditions(), "env-unset"));
    }

    @Test
    void needsEnvNotEqualsNoneHoldsWhenUnsetAndForOtherValues() {
        assertTrue(enabled(conditions(), "env-not-none"));
        assertTrue(enabled(conditions().env("FLUX_SCHED_MODULE", "sched-fifo"), "env-not-none"));
        assertFalse(enabled(conditions().env("FLUX_SCHED_MODULE", "none"), "env-not-none"));
    }

    @Test
    void factsAConditionLookedAtAreInTheLedger() {
        Decisions d = decide(conditions().attr("mode", "fast"));
        assertEquals(java.util.Optional.of("fast"), d.ledger().seen().get(new FactKey(FactKind.ATTR, "mode")));
        assertEquals(java.util.Optional.empty(), d.ledger().seen().get(new FactKey(FactKind.ENV, "MODPROBE_TEST_VAR")));
    }

    // ---- force-enable (setup enable) ----

    private static Decisions forceEnabledOnRankOne() {
        return Scenario.of("force-enable").rank(1).run("enable.toml").decide();
    }

    @Test
    void withoutEnableModulesOffRankFlaggedOrFailingConditionsAreNotEnabled() {
        Decisions d = Scenario.of("force-enable").rank(1).run("not-enabled.toml").decide();
        for (String m : List.of("rank-zero-only", "flagged", "conditional", "needy")) {
            assertFalse(d.enabled(m), m);
        }
    }

    @Test
    void forceEnableOverridesRanks() {
        assertTrue(forceEnabledOnRankOne().enabled("rank-zero-only"));
    }

    @Test
    void forceEnableOverridesTheDisabledFlag() {
        assertTrue(forceEnabledOnRankOne().enabled("flagged"));
    }

    @Test
    void forceEnableOverridesNeedsConditions() {
        assertTrue(forceEnabledOnRankOne().enabled("conditional"));
    }

    @Test
    void forceEnableDoesNotOverrideNeeds() {
        Decisions d = forceEnabledOnRankOne();
        assertTrue(d.enabled("needy"));
        assertFalse(d.viable("needy"));
    }

    @Test
    void forceEnableDoesNotCascadeToRequires() {
        assertFalse(forceEnabledOnRankOne().enabled("rank-zero-dep"));
    }

    @Test
    void forceEnableOfAServiceEnablesItsProviderOffRank() {
        // flux-core t0100 "context.enable() can force-enable module": feasibility on rank 1
        Decisions d = Scenario.of("enable-feasibility").rank(1).rc1().decide();
        assertTrue(d.enabled("sched-simple"));
        assertEquals("sched-simple", d.provider("feasibility").orElseThrow().getName());
        assertTrue(d.runnable().contains("sched-simple"), d.runnable().toString());
    }

    @Test
    void withoutForceEnableTheSchedulerIsNotInRc1OnRankOne() {
        Decisions d = Scenario.shipped().rank(1).rc1().decide();
        assertFalse(d.runnable().contains("sched-simple"), d.runnable().toString());
    }
}
