package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fluxmp.boot.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.2 disable requests (FLUX_MODPROBE_DISABLE, --disable, setup disable): disabling a name
 * disables every task or module that has that name or provides it; an unknown name is an error.
 * Fixture: testdata/rules/schedulers (flux-core t0100's advanced-scheduler and basic-scheduler).
 */
class DisableTest {

    /** What FLUX_MODPROBE_DISABLE=a,b asks for: one disable request per name. */
    private static ModprobeRules disabling(String... names) {
        ModprobeRules r = Scenario.of("schedulers").open();
        for (String n : names) {
            r.disable(n, "FLUX_MODPROBE_DISABLE");
        }
        return r;
    }

    private static String provider(Decisions d, String service) {
        return d.provider(service).orElseThrow().getName();
    }

    @Test
    void disablingTheHighestPriorityModuleSelectsTheNextAlternative() {
        Decisions d = disabling("advanced-scheduler").decide();
        assertEquals("basic-scheduler", provider(d, "sched"));
        assertEquals("basic-scheduler", provider(d, "feasibility"));
    }

    @Test
    void disablingTwoModulesSelectsTheFinalAlternative() {
        Decisions d = disabling("advanced-scheduler", "basic-scheduler").decide();
        assertEquals("sched-simple", provider(d, "sched"));
        assertEquals("sched-simple", provider(d, "feasibility"));
    }

    @Test
    void disabledModuleIsNotEnabledAndSaysWhy() {
        Decisions d = disabling("advanced-scheduler").decide();
        assertFalse(d.enabled("advanced-scheduler"));
        Decisions.Reason why = d.blockedBy("advanced-scheduler").get(0);
        assertEquals("disable-request", why.rule());
        assertTrue(why.text().contains("FLUX_MODPROBE_DISABLE"), why.text());
    }

    @Test
    void disablingAServiceDisablesEveryProvider() {
        Decisions d = disabling("sched").decide();
        for (String m : List.of("sched-simple", "sched-fifo", "sched-backfill", "advanced-scheduler", "basic-scheduler")) {
            assertFalse(d.enabled(m), m + " should be disabled");
        }
        assertTrue(d.enabled("job-manager"));
    }

    @Test
    void disablingAServiceStillLeavesTheServiceResolvable() {
        Decisions d = disabling("sched").decide();
        assertEquals("advanced-scheduler", provider(d, "sched"));
        assertFalse(d.choice("sched").orElseThrow().viable());
    }

    @Test
    void disablingAnUnknownNameFailsWithNoSuchModuleOrTask() {
        ModprobeRules r = disabling("foo");
        ConfigException e = assertThrows(ConfigException.class, r::decide);
        assertEquals(List.of("no such module or task 'foo'"), Scenario.messages(e.problems()));
    }

    @Test
    void everyUnknownNameIsReported() {
        ModprobeRules r = disabling("foo", "sched-simple", "bar");
        ConfigException e = assertThrows(ConfigException.class, r::decide);
        assertEquals(List.of("no such module or task 'foo'", "no such module or task 'bar'"),
                Scenario.messages(e.problems()));
    }

    @Test
    void disablingATaskDropsItFromTheRun() {
        ModprobeRules r = Scenario.of("needs-run").run("disabled-needed.toml");
        r.disable("first", "FLUX_MODPROBE_DISABLE");
        Decisions d = r.decide();
        assertFalse(d.active("first"));
        assertEquals(List.of(new Decisions.Reason("disable-request", "disabled by FLUX_MODPROBE_DISABLE")),
                d.blockedBy("first"));
    }

    @Test
    void disabledSchedulersAreLeftOutOfRc1() {
        // flux-core t0100 "FLUX_MODPROBE_DISABLE works in rc1"
        ModprobeRules r = Scenario.of("schedulers").rc1();
        r.disable("advanced-scheduler", "FLUX_MODPROBE_DISABLE");
        r.disable("basic-scheduler", "FLUX_MODPROBE_DISABLE");
        Decisions d = r.decide();
        assertTrue(d.runnable().contains("sched-simple"), d.runnable().toString());
        assertFalse(d.active("advanced-scheduler"));
        assertFalse(d.active("basic-scheduler"));
    }

    @Test
    void disableAppliesAfterSetupSoASetupLoadOfADisabledModuleIsDropped() {
        ModprobeRules r = Scenario.of("setup").run("setopt.toml");
        r.disable("test-module", "--disable");
        Decisions d = r.decide();
        assertFalse(d.active("test-module"));
        assertFalse(d.droppedVia("test-module").isEmpty());
    }
}
