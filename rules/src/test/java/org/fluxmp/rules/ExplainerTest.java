package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fluxmp.boot.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * SPEC 6 explain: why a name is enabled, skipped or replaced — the rule that decided, the facts it
 * used, the chain of needs behind a skip, and for a service every candidate with priority,
 * viability and why. These tests check the plain data (what --json prints).
 */
class ExplainerTest {

    private static Explainer explainer(Decisions d) {
        Map<String, String> inRun = new LinkedHashMap<>();
        for (String n : d.runnable()) {
            inRun.put(n, "");
        }
        return new Explainer(d, "rc1", inRun);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    // ---- a skipped task: the chain ----

    private static Map<String, Object> skippedLast() {
        Decisions d = Scenario.of("needs-run").rank(0).run("recursive.toml").decide();
        return explainer(d).explain("last");
    }

    @Test
    void skippedTaskIsReportedAsSkippedInTheRun() {
        Map<String, Object> m = skippedLast();
        assertEquals("task", m.get("kind"));
        assertEquals("skipped in rc1: needs next", m.get("status"));
        assertEquals(true, m.get("enabled"));
    }

    @Test
    void skippedTaskChainNamesTheNeedAndTheRule() {
        Map<String, Object> link = list(skippedLast().get("chain")).get(0);
        assertEquals("next", link.get("needs"));
        assertEquals("needs-not-in-active-set", link.get("rule"));
    }

    @Test
    void skippedTaskChainFollowsTheNeedsToTheBlockedTask() {
        Map<String, Object> next = list(list(skippedLast().get("chain")).get(0).get("providers")).get(0);
        assertEquals("next", next.get("name"));
        assertEquals("skipped: needs needed", next.get("state"));
        Map<String, Object> link = list(next.get("chain")).get(0);
        assertEquals("needed", link.get("needs"));
        Map<String, Object> needed = list(link.get("providers")).get(0);
        assertEquals("needed", needed.get("name"));
        assertTrue(String.valueOf(needed.get("state")).startsWith("skipped: ranks = \"1\" does not include rank 0"),
                String.valueOf(needed.get("state")));
        assertEquals(List.of(), needed.get("chain"));
    }

    @Test
    void skippedTaskRendersAsIndentedText() {
        Decisions d = Scenario.of("needs-run").rank(0).run("recursive.toml").decide();
        Explainer e = explainer(d);
        List<String> text = e.render(e.explain("last")).stream()
                .map(l -> "  ".repeat(l.depth()) + l.text()).collect(Collectors.toList());
        String file = Scenario.of("needs-run").file("recursive.toml").toString();
        assertEquals(List.of(
                "last: task (" + file + ":20), rank 0: skipped in rc1: needs next",
                "  ranks = \"all\" includes rank 0",
                "  rule needs-not-in-active-set: needs next, and no provider of next is left in rc1",
                "    next → next skipped: needs needed",
                "      rule needs-not-in-active-set: needs needed, and no provider of needed is left in rc1",
                "        needed → needed skipped: ranks = \"1\" does not include rank 0 (" + file + ":10)",
                "  facts used: rank = 0"), text);
    }

    @Test
    void taskThatRunsSaysSoAndWhatHolds() {
        Decisions d = Scenario.of("needs-run").rank(1).run("recursive.toml").decide();
        Map<String, Object> m = explainer(d).explain("needed");
        assertEquals("runs in rc1", m.get("status"));
        assertEquals(List.of("ranks = \"1\" includes rank 1"), m.get("holds"));
        assertEquals(List.of(), m.get("chain"));
    }

    // ---- a service: the candidates ----

    private static Map<String, Object> sched() {
        Decisions d = Scenario.of("schedulers").open().decide();
        return explainer(d).explain("sched");
    }

    @Test
    void serviceNamesItsProviderAndTheRule() {
        Map<String, Object> m = sched();
        assertEquals("service", m.get("kind"));
        assertEquals("advanced-scheduler", m.get("provider"));
        assertEquals("select-highest-viable", m.get("rule"));
    }

    @Test
    void serviceListsEveryCandidateHighestFirst() {
        List<String> names = list(sched().get("candidates")).stream()
                .map(c -> (String) c.get("name")).collect(Collectors.toList());
        assertEquals(List.of("advanced-scheduler", "basic-scheduler", "sched-simple", "sched-backfill", "sched-fifo"), names);
    }

    @Test
    void serviceCandidateCarriesPriorityViabilityAndWhy() {
        Map<String, Object> first = list(sched().get("candidates")).get(0);
        assertEquals(500L, first.get("priority"));
        assertEquals(true, first.get("viable"));
        assertEquals(true, first.get("selected"));
        assertEquals("viable", first.get("why"));
        Map<String, Object> second = list(sched().get("candidates")).get(1);
        assertEquals(false, second.get("selected"));
    }

    @Test
    void serviceCandidateThatIsNotEnabledSaysWhy() {
        ModprobeRules r = Scenario.of("schedulers").open();
        r.disable("advanced-scheduler", "--disable");
        Map<String, Object> m = explainer(r.decide()).explain("sched");
        Map<String, Object> first = list(m.get("candidates")).get(0);
        assertEquals("advanced-scheduler", first.get("name"));
        assertEquals(false, first.get("viable"));
        assertEquals("not enabled: disabled by --disable", first.get("why"));
        assertEquals("basic-scheduler", m.get("provider"));
    }

    @Test
    void serviceCandidateWithAnUnmetNeedSaysWhichNeed() {
        Map<String, Object> m = explainer(Scenario.of("alternatives").open().decide()).explain("test-sched");
        Map<String, Object> advanced = list(m.get("candidates")).get(0);
        assertEquals("advanced-module", advanced.get("name"));
        assertEquals("not viable: needs nonexistent-module, which has no viable provider", advanced.get("why"));
        assertEquals("simple-module", m.get("provider"));
    }

    @Test
    void serviceCandidateShowsSetAlternativePriorityNotes() {
        ModprobeRules r = Scenario.of("schedulers").open();
        r.setAlternative("sched", "basic-scheduler", "--set-alternative");
        Map<String, Object> m = explainer(r.decide()).explain("sched");
        Map<String, Object> first = list(m.get("candidates")).get(0);
        assertEquals("basic-scheduler", first.get("name"));
        assertEquals(List.of("--set-alternative: priority raised to 501"), first.get("priority_notes"));
    }

    @Test
    void serviceExplanationIncludesTheSelectedUnit() {
        @SuppressWarnings("unchecked")
        Map<String, Object> selected = (Map<String, Object>) sched().get("selected");
        assertEquals("advanced-scheduler", selected.get("name"));
        assertEquals("module", selected.get("kind"));
    }

    @Test
    void replacedProviderNamesTheWinner() {
        Map<String, Object> m = explainer(Scenario.of("schedulers").open().decide()).explain("sched-simple");
        @SuppressWarnings("unchecked")
        List<String> replaced = (List<String>) m.get("replaced_in");
        assertEquals(2, replaced.size(), replaced.toString());
        assertTrue(replaced.get(0).startsWith("sched is provided by advanced-scheduler"), replaced.get(0));
        assertTrue(replaced.get(1).startsWith("feasibility is provided by advanced-scheduler"), replaced.get(1));
    }

    // ---- a blocked module ----

    private static Map<String, Object> sdbus() {
        return explainer(Scenario.shipped().rc1().decide()).explain("sdbus");
    }

    @Test
    void aModuleThatAConditionLeavesOutOfTheRunIsSkipped() {
        Map<String, Object> m = sdbus();
        assertEquals("module", m.get("kind"));
        assertEquals(false, m.get("enabled"));
        assertEquals("skipped in rc1: needs-config systemd.enable is not set", m.get("status"));
    }

    @Test
    void blockedModuleNamesTheRuleAndTheFailedCondition() {
        assertEquals(List.of(Map.of("rule", "condition-needs-set",
                "reason", "needs-config systemd.enable is not set")), sdbus().get("blocked_by"));
    }

    @Test
    void blockedModuleListsTheFactsUsed() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rank", 0);
        facts.put("config:systemd.enable", null);
        assertEquals(facts, sdbus().get("facts"));
    }

    @Test
    void blockedModuleSaysWhoAskedForIt() {
        assertEquals(List.of(), sdbus().get("asked_by"));
        @SuppressWarnings("unchecked")
        List<String> askedBy = (List<String>) sdbus().get("requested_but_not_enabled");
        assertTrue(askedBy.contains("required by sdmon (setup load)"), askedBy.toString());
        assertTrue(askedBy.stream().anyMatch(a -> a.startsWith("setup load in ") && a.contains("rc1.toml:")), askedBy.toString());
    }

    @Test
    void blockedModuleHoldsNothing() {
        assertEquals(List.of(), sdbus().get("holds"));
    }

    @Test
    void explainingAnUnknownNameFailsWithNoSuchTaskOrModule() {
        Explainer e = explainer(Scenario.shipped().open().decide());
        ConfigException ex = assertThrows(ConfigException.class, () -> e.explain("nosuch"));
        assertEquals("no such task or module nosuch", ex.getMessage());
    }

    @Test
    void aModuleProvidingNothingElseIsNotAService() {
        Explainer e = explainer(Scenario.shipped().open().decide());
        assertFalse(e.isService("kvs"));
        assertTrue(e.isService("content-backing"));
    }
}
