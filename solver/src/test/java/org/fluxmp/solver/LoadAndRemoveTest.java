package org.fluxmp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.ModprobeRules;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.9 (load: the requires closure, disabled modules included, minus loaded ones) and 4.10
 * (remove: cascade to requirements nobody else needs, reverse load order, errors).
 */
class LoadAndRemoveTest {

    private static Decisions decisions() {
        return Fixture.solver().open().check().decide();
    }

    /** LOADED modules, each offering its name (as the sim broker reports them). */
    private static Map<String, Set<String>> loaded(String... names) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, Set.of(n));
        }
        return m;
    }

    private static List<String> removed(List<String> request, String... loaded) {
        return Planner.removeUnits(decisions(), request, loaded(loaded));
    }

    @Test
    void loadBringsTheRequiresClosure() {
        assertEquals(List.of("app", "lib", "base"), Planner.loadUnits(decisions(), List.of("app"), Set.of()));
    }

    @Test
    void loadLeavesOutWhatIsLoaded() {
        assertEquals(List.of("app"), Planner.loadUnits(decisions(), List.of("app"), Set.of("lib", "base")));
    }

    @Test
    void loadIncludesDisabledModules() {
        assertEquals(List.of("needs-off", "off"), Planner.loadUnits(decisions(), List.of("needs-off"), Set.of()));
    }

    @Test
    void loadOfAServiceTakesItsSelectedProvider() {
        assertEquals(List.of("fast"), Planner.loadUnits(decisions(), List.of("svc"), Set.of()));
    }

    @Test
    void loadOfUnknownNameFails() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Planner.loadUnits(decisions(), List.of("no-such"), Set.of()));
        assertEquals("no such task or module no-such", e.getMessage());
    }

    @Test
    void removeCascadesToRequirementsNobodyElseNeeds() {
        assertEquals(List.of("app", "lib", "base"), removed(List.of("app"), "base", "lib", "app"));
    }

    @Test
    void removeKeepsASharedRequirementStillInUse() {
        // base is shared with other, which stays loaded
        assertEquals(List.of("app", "lib"), removed(List.of("app"), "base", "lib", "app", "other"));
    }

    @Test
    void removeOfBothUsersAlsoRemovesTheSharedRequirement() {
        assertEquals(Set.of("app", "lib", "other", "base"),
                Set.copyOf(removed(List.of("app", "other"), "base", "lib", "app", "other")));
    }

    @Test
    void removeCascadesDown_aDeepChain() {
        assertEquals(List.of("top", "mid", "bottom"), removed(List.of("top"), "bottom", "mid", "top"));
    }

    @Test
    void removeOfAModuleStillInUseFails() {
        ConfigException e = assertThrows(ConfigException.class, () -> removed(List.of("lib"), "base", "lib", "app", "other"));
        assertEquals("lib still in use by app", e.getMessage());
    }

    @Test
    void removeNamesEveryUserInOrder() {
        ConfigException e = assertThrows(ConfigException.class, () -> removed(List.of("base"), "base", "lib", "app", "other"));
        assertEquals("base still in use by lib, other", e.getMessage());
    }

    @Test
    void removeOfAModuleNotLoadedFails() {
        ConfigException e = assertThrows(ConfigException.class, () -> removed(List.of("top"), "base"));
        assertEquals("module top is not loaded", e.getMessage());
    }

    @Test
    void removeAllTakesEveryLoadedConfiguredModule() {
        assertEquals(Set.of("base", "lib", "app"), Set.copyOf(removed(List.of("all"), "base", "lib", "app", "unconfigured")));
    }

    @Test
    void removalsRunInReverseLoadOrder() {
        List<String> targets = removed(List.of("app"), "base", "lib", "app");
        ModprobeRules rules = Fixture.solver().open().check();
        rules.removeModules(targets, "remove app");
        Plan plan = Planner.plan(rules, rules.decide(), targets, 4);
        assertEquals(List.of("app", "lib", "base"), plan.tasks().stream().map(PlanTask::name).toList());
        plan.tasks().forEach(t -> assertEquals("remove", t.verb(), t.name()));
    }
}
