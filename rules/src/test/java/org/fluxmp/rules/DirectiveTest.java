package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.setup.Directive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC 3 directive lines (what a run body appends to $FLUX_MODPROBE_OUTPUT): set, setopt and
 * setenv everywhere; load, remove, setopt-overwrite, alternative, enable and disable in setup only;
 * anything else fails with a message naming the line.
 */
class DirectiveTest {

    private static String error(String line, boolean setup) {
        return assertThrows(ConfigException.class, () -> Directive.parse(line, setup)).getMessage();
    }

    @Test
    void setSplitsKeyAndValueAtTheFirstEquals() {
        Directive d = Directive.parse("set dumpfile=/a=b", false);
        assertEquals("set", d.verb());
        assertEquals("dumpfile", d.key());
        assertEquals("/a=b", d.value());
    }

    @Test
    void setValueMayContainSpaces() {
        assertEquals("/var/lib/my dump.tar", Directive.parse("set dumpfile=/var/lib/my dump.tar", false).value());
    }

    @Test
    void setoptWordsAreTheModuleAndItsArguments() {
        assertEquals(List.of("resource", "monitor-force-up", "noverify"),
                Directive.parse("setopt resource monitor-force-up noverify", false).words());
    }

    @ParameterizedTest
    @ValueSource(strings = {"load kvs", "remove all", "setopt-overwrite kvs a", "alternative sched=sched-fifo",
            "enable kvs", "disable kvs"})
    void setupOnlyVerbsAreAcceptedInSetup(String line) {
        assertEquals(line.split(" ")[0], Directive.parse(line, true).verb());
    }

    @ParameterizedTest
    @ValueSource(strings = {"load kvs", "remove all", "alternative sched=sched-fifo", "enable kvs", "disable kvs"})
    void setupOnlyVerbsWrittenByATaskFailNamingTheLine(String line) {
        assertEquals("directive '" + line + "' is allowed only in setup (verb '" + line.split(" ")[0] + "')",
                error(line, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"set k=v", "setopt kvs a", "setopt-overwrite resource noverify", "setenv A=b", "unsetenv A"})
    void aTaskMayWriteWhatTheOriginalsContextOffersIt(String line) {
        assertEquals(line.split(" ")[0], Directive.parse(line, false).verb());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unsetenv", "unsetenv A B", "unsetenv A=b"})
    void unsetenvNamesExactlyOneVariable(String line) {
        assertEquals("malformed directive '" + line + "'", error(line, false));
    }

    @Test
    void unknownVerbFailsNamingTheLine() {
        assertEquals("unknown directive 'frobnicate x'", error("  frobnicate x  ", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"set", "set novalue", "set =x", "setenv", "alternative sched", "alternative a=b c",
            "setopt kvs", "setopt-overwrite kvs", "load"})
    void malformedDirectivesFailNamingTheLine(String line) {
        assertEquals("malformed directive '" + line + "'", error(line, true));
    }
}
