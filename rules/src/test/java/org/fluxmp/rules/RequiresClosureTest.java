package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC 4.5: the run's units are the active set plus, transitively, every enabled required provider. */
class RequiresClosureTest {

    private static Decisions closureRun() {
        return Fixture.solver().run("closure.toml").verdicts();
    }

    private static List<String> runUnits() {
        return Fixture.solver().run("closure.toml").units();
    }

    @Test
    void requiresAreAddedTransitively() {
        // lib is in the active set as a direct require of a setup load; base only by the closure
        Map<String, String> why = RequiresClosure.of(closureRun(), closureRun().runnable());
        assertEquals("", why.get("lib"));
        assertEquals("required by lib", why.get("base"));
        assertEquals("required by starter", why.get("client"));
    }

    @Test
    void aRequiredServiceBringsItsSelectedProvider() {
        Map<String, String> why = RequiresClosure.of(closureRun(), closureRun().runnable());
        assertEquals("required by client (as svc)", why.get("fast"));
        assertFalse(why.containsKey("slow"));
    }

    @Test
    void aRequiredModuleThatIsNotEnabledIsLeftOut() {
        assertFalse(runUnits().contains("off"));
        assertTrue(runUnits().contains("needs-off"));
    }

    @Test
    void modulesNobodyAsksForAreNotInTheRun() {
        assertFalse(runUnits().contains("idle"));
        assertFalse(runUnits().contains("other"));
    }

    @Test
    void startingUnitsHaveNoReason() {
        assertEquals("", RequiresClosure.of(closureRun(), closureRun().runnable()).get("app"));
        assertEquals("", RequiresClosure.of(closureRun(), closureRun().runnable()).get("starter"));
    }
}
