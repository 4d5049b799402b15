package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.fluxmp.boot.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.9 (load: the requires closure, disabled modules included, minus loaded ones) and 4.10
 * (remove: cascade to requirements nobody else needs, reverse load order, errors).
 */
class LoadAndRemoveTest {

    private static Decisions decisions() {
        return Fixture.solver().open().check().decide();
    }

    private static List<String> removed(List<String> request, String... loaded) {
        return RemovalSet.of(decisions(), request, List.of(loaded));
    }

    @Test
    void loadBringsTheRequiresClosure() {
        assertEquals(List.of("app", "lib", "base"), LoadSet.of(decisions(), List.of("app"), Set.of()));
    }

    @Test
    void loadLeavesOutWhatIsLoaded() {
        assertEquals(List.of("app"), LoadSet.of(decisions(), List.of("app"), Set.of("lib", "base")));
    }

    @Test
    void loadIncludesDisabledModules() {
        assertEquals(List.of("needs-off", "off"), LoadSet.of(decisions(), List.of("needs-off"), Set.of()));
    }

    @Test
    void loadOfAServiceTakesItsSelectedProvider() {
        assertEquals(List.of("fast"), LoadSet.of(decisions(), List.of("svc"), Set.of()));
    }

    @Test
    void loadOfUnknownNameFails() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> LoadSet.of(decisions(), List.of("no-such"), Set.of()));
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
    void aRemoveDecisionRemovesItsTargets() {
        Fixture f = Fixture.solver();
        for (String m : List.of("base", "lib", "app")) {
            f.facts.loaded(m, Set.of(m));
        }
        Decision d = f.decide(new Subject.Remove(List.of("app")), Selection.NONE);
        assertEquals(List.of("app", "lib", "base"), d.units());
        assertEquals(List.of("app", "lib", "base"), d.removing());
    }

    @Test
    void aLoadDecisionLoadsWhatIsNotLoaded() {
        Fixture f = Fixture.solver();
        f.facts.loaded("base", Set.of("base"));
        Decision d = f.decide(new Subject.Load(List.of("app")), Selection.NONE);
        assertEquals(List.of("app", "lib"), d.units());
        assertEquals(List.of(), d.removing());
    }
}
