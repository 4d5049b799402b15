package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.junit.jupiter.api.Test;

/**
 * SPEC 3 setup: load, setopt, setopt-overwrite, alternatives and enable with ${...} expansion,
 * [[setup.when]] conditions, and the directives a setup run step prints. Fixtures:
 * testdata/rules/setup/*.toml over testdata/rules/setup/etc, and the shipped rc1.
 */
class SetupTest {

    private static Scenario setup() {
        return Scenario.of("setup");
    }

    private static List<String> args(ModprobeRules r, String module) {
        return r.moduleArgs().argsFor(r.table().unit(module).orElseThrow());
    }

    /** A setup step runner that prints LINES (what a run script would append to FLUX_MODPROBE_OUTPUT). */
    private static SetupStepRunner printing(String... lines) {
        return (script, place) -> List.of(lines);
    }

    // ---- load ----

    @Test
    void setupLoadPutsTheModuleInTheRun() {
        Decisions d = setup().run("setopt.toml").decide();
        assertEquals(List.of("test-module"), d.runnable());
    }

    @Test
    void setupLoadOfAServiceLoadsItsSelectedProvider() {
        Decisions d = setup().run("setopt-service.toml").decide();
        assertEquals(List.of("back-b"), d.runnable());
    }

    @Test
    void setupLoadAlsoAsksForTheModulesDirectRequires() {
        Decisions d = setup().run("load-requires.toml").decide();
        assertEquals(List.of("with-requires", "with-deep-requires"), d.activeUnits());
        assertEquals(List.of("required by with-deep-requires (setup load)"), d.activeVia("with-requires"));
    }

    @Test
    void requirementsBeyondTheDirectOnesAreLeftToTheRequiresClosure() {
        Decisions d = setup().run("load-requires.toml").decide();
        assertFalse(d.active("helper"));
        assertFalse(d.active("back-b"));
    }

    @Test
    void selectedSchedulerThatNeedsAndRequiresAModuleBringsItIntoRc1() {
        // flux-core t0100 "module requires works with needs"
        Decisions d = Scenario.of("required-module").rc1().decide();
        assertEquals("alternate-scheduler", d.provider("sched").orElseThrow().getName());
        assertTrue(d.runnable().contains("alternate-scheduler"), d.runnable().toString());
        assertTrue(d.runnable().contains("required-module"), d.runnable().toString());
    }

    @Test
    void setupLoadOfAnUnknownNameIsAProblem() {
        ModprobeRules r = setup().run("load-unknown.toml");
        assertEquals(List.of("no such task or module no-such-module"), Scenario.messages(r.problems()));
    }

    // ---- setopt / setopt-overwrite ----

    @Test
    void setoptAppendsArgumentsSplitOnSpaces() {
        // flux-core t0100 "module arguments can be appended" and "setopt() splits on space by default"
        assertEquals(List.of("foo", "bar", "test-arg", "additional"), args(setup().run("setopt.toml"), "test-module"));
    }

    @Test
    void setoptOverwriteReplacesTheConfiguredArguments() {
        assertEquals(List.of("test-arg"), args(setup().run("setopt-overwrite.toml"), "test-module"));
    }

    @Test
    void setoptOnAServiceNameReachesItsProvider() {
        ModprobeRules r = setup().run("setopt-service.toml");
        assertEquals(List.of("truncate"), args(r, "back-b"));
        assertEquals(List.of(), args(r, "helper"));
    }

    // ---- ${...} expansion ----

    @Test
    void alternativesWithAnAttributeExpansionSelectThatProvider() {
        Decisions d = setup().attr("backing-module", "back-a").run("expand-alternative.toml").decide();
        assertEquals("back-a", d.provider("backing").orElseThrow().getName());
        assertEquals(List.of("back-a"), d.runnable());
    }

    @Test
    void alternativesWithAnUnsetAttributeAreANoOp() {
        ModprobeRules r = setup().run("expand-alternative.toml");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("back-b"), r.decide().runnable());
    }

    @Test
    void alternativesExpandingToANonProviderIsAProblem() {
        ModprobeRules r = setup().attr("backing-module", "helper").run("expand-alternative.toml");
        assertEquals(List.of("no module helper provides backing"), Scenario.messages(r.problems()));
    }

    @Test
    void loadWithAnEnvironmentExpansionLoadsTheNamedModule() {
        Decisions d = setup().env("EXTRA_MODULE", "helper").run("expand-load.toml").decide();
        assertEquals(List.of("test-module", "helper"), d.runnable());
    }

    @Test
    void loadWithAnUnsetExpansionIsANoOp() {
        ModprobeRules r = setup().run("expand-load.toml");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("test-module"), r.decide().runnable());
    }

    @Test
    void shippedRc1ContentBackingModuleAttributeSelectsTheBackingStore() {
        Decisions d = Scenario.shipped().attr("content.backing-module", "content-files").rc1().decide();
        assertEquals("content-files", d.provider("content-backing").orElseThrow().getName());
        assertTrue(d.runnable().contains("content-files"));
        assertFalse(d.runnable().contains("content-sqlite"));
    }

    @Test
    void shippedRc1WithoutTheAttributeUsesTheDefaultBackingStore() {
        Decisions d = Scenario.shipped().rc1().decide();
        assertEquals("content-sqlite", d.provider("content-backing").orElseThrow().getName());
    }

    // ---- [[setup.when]] ----

    @Test
    void setupWhenBlockAppliesWhenItsConditionsHold() {
        Decisions d = setup().attr("helper.wanted", "1").run("when.toml").decide();
        assertEquals(List.of("test-module", "helper", "sched-x"), d.runnable());
    }

    @Test
    void setupWhenBlockIsSkippedWhenAConditionFails() {
        Decisions d = setup().env("SCHED_CHOICE", "none").run("when.toml").decide();
        assertEquals(List.of("test-module"), d.runnable());
    }

    @Test
    void fluxSchedModuleNoneLeavesTheSchedulerOutOfRc1() {
        // flux-core t0100 "FLUX_SCHED_MODULE=none disables scheduler"
        Decisions d = Scenario.shipped().env("FLUX_SCHED_MODULE", "none").rc1().decide();
        assertFalse(d.runnable().contains("sched-simple"), d.runnable().toString());
    }

    @Test
    void fluxSchedModuleNoneChangesNothingElse() {
        List<String> with = new ArrayList<>(Scenario.shipped().rc1().decide().runnable());
        List<String> without = Scenario.shipped().env("FLUX_SCHED_MODULE", "none").rc1().decide().runnable();
        with.remove("sched-simple");
        assertEquals(with, without);
    }

    @Test
    void fluxSchedModuleNoneDoesNotDisableTheScheduler() {
        Decisions d = Scenario.shipped().env("FLUX_SCHED_MODULE", "none").rc1().decide();
        assertTrue(d.enabled("sched-simple"));
    }

    // ---- run step directives ----

    @Test
    void setupRunStepReceivesTheScriptAndItsPlace() {
        List<String> seen = new ArrayList<>();
        setup().run("run.toml", (script, place) -> {
            seen.add(script + " @ " + place);
            return List.of();
        });
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("echo directives @ "), seen.get(0));
        assertTrue(seen.get(0).contains("run.toml:"), seen.get(0));
    }

    @Test
    void runDirectiveLoadAddsAModule() {
        Decisions d = setup().run("run.toml", printing("load helper")).decide();
        assertEquals(List.of("test-module", "helper"), d.runnable());
    }

    @Test
    void runDirectiveAlternativeSelectsAProvider() {
        Decisions d = setup().run("run.toml", printing("alternative backing=back-a", "load backing")).decide();
        assertEquals("back-a", d.provider("backing").orElseThrow().getName());
        assertTrue(d.runnable().contains("back-a"));
    }

    @Test
    void runDirectiveDisableAppliesAfterSetup() {
        Decisions d = setup().run("run.toml", printing("disable test-module")).decide();
        assertEquals(List.of(), d.runnable());
        assertFalse(d.enabled("test-module"));
    }

    @Test
    void runDirectiveEnableForceEnablesAModuleOffRank() {
        Decisions d = setup().rank(1).run("run.toml", printing("enable rank-zero", "load rank-zero")).decide();
        assertTrue(d.enabled("rank-zero"));
        assertTrue(d.runnable().contains("rank-zero"));
    }

    @Test
    void runDirectiveSetStoresSharedData() {
        ModprobeRules r = setup().run("run.toml", printing("set dumpfile=/var/lib/flux/dump.tar"));
        assertEquals("/var/lib/flux/dump.tar", r.data().get("dumpfile"));
    }

    @Test
    void runDirectiveSetKeepsSpacesInTheValue() {
        ModprobeRules r = setup().run("run.toml", printing("set greeting=hello world"));
        assertEquals("hello world", r.data().get("greeting"));
    }

    @Test
    void runDirectiveSetenvIsRecorded() {
        ModprobeRules r = setup().run("run.toml", printing("setenv YOGRT_BACKEND=flux"));
        assertEquals("flux", r.setenv().get("YOGRT_BACKEND"));
    }

    @Test
    void runDirectiveSetoptAppendsArguments() {
        ModprobeRules r = setup().run("run.toml", printing("setopt test-module x=1 y=2"));
        assertEquals(List.of("foo", "bar", "x=1", "y=2"), args(r, "test-module"));
    }

    @Test
    void runDirectiveRemoveRecordsRemovals() {
        ModprobeRules r = setup().run("run.toml", printing("remove helper"));
        assertEquals(List.of("helper"), r.removals().orElseThrow());
    }

    @Test
    void blankDirectiveLinesAreIgnored() {
        ModprobeRules r = setup().run("run.toml", printing("", "   ", "load helper"));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void unknownDirectiveFailsNamingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> setup().run("run.toml", printing("frobnicate helper")));
        assertTrue(e.getMessage().contains("unknown directive 'frobnicate helper'"), e.getMessage());
        assertTrue(e.getMessage().contains("run.toml"), e.getMessage());
    }

    @Test
    void malformedDirectiveFailsNamingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> setup().run("run.toml", printing("alternative backing")));
        assertTrue(e.getMessage().contains("malformed directive 'alternative backing'"), e.getMessage());
    }

    @Test
    void runDirectiveNamingAnUnknownModuleIsAProblem() {
        ModprobeRules r = setup().run("run.toml", printing("load nosuch"));
        assertEquals(List.of("no such task or module nosuch"), Scenario.messages(r.problems()));
    }

    @Test
    void setupOfAFileWithProblemsDoesNotRun() {
        List<String> ran = new ArrayList<>();
        ModprobeRules r = setup().run("broken-with-run.toml", (script, place) -> {
            ran.add(script);
            return List.of("load test-module");
        });
        assertEquals(List.of(), ran);
        assertEquals(List.of("broken: unknown task argument badkey"), Scenario.messages(r.problems()));
    }
}
