package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.Context;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** A run builds picocli's model of the subcommand it invokes only; help and usage get them all. */
class LazySubcommandsTest {
    private static final List<String> ALL = List.copyOf(FluxModprobe.SUBCOMMANDS.keySet());

    private static Context ctx() {
        PrintStream nul = new PrintStream(PrintStream.nullOutputStream());
        return new Context(nul, nul, Map.of(), CliRun.home());
    }

    private static List<String> built(String... args) {
        return new ArrayList<>(FluxModprobe.commandLineFor(args, ctx()).getSubcommands().keySet());
    }

    @Test
    void theTableNamesEachCommandAsItsAnnotationDoes() {
        FluxModprobe.SUBCOMMANDS.forEach((name, cls) -> assertEquals(name, cls.getAnnotation(Command.class).name()));
        assertEquals(15, ALL.size());
    }

    @Test
    void theFullTreeHasEverySubcommandInOrder() {
        assertEquals(ALL, new ArrayList<>(FluxModprobe.commandLine(ctx()).getSubcommands().keySet()));
    }

    @Test
    void aRunBuildsOnlyTheInvokedSubcommand() {
        assertEquals(List.of("show"), built("show", "sched"));
        assertEquals(List.of("show"), built("--debug", "show", "sched"));
        assertEquals(List.of("show"), built("show", "--help"));
        assertEquals(List.of("solve"), built("solve", "--rank", "0", "--ranks", "0-3"));
        assertEquals(List.of("generate-man"), built("generate-man"));
    }

    @Test
    void rootHelpVersionAndUsageErrorsGetEverySubcommand() {
        assertEquals(ALL, built());
        assertEquals(ALL, built("--help"));
        assertEquals(ALL, built("-h", "show"));
        assertEquals(ALL, built("--version"));
        assertEquals(ALL, built("-V"));
        assertEquals(ALL, built("--debug"));
        assertEquals(ALL, built("--debug", "--debug", "show", "sched"));
        assertEquals(ALL, built("--no-such-option", "show"));
        assertEquals(ALL, built("no-such-command"));
        assertEquals(ALL, built("help", "show"));
        assertNull(FluxModprobe.invokedSubcommand(new String[] {"--debug=true", "show"}));
    }

    @Test
    void theParentCommandIsInjectedIntoTheOnlySubcommand() {
        CommandLine cl = FluxModprobe.commandLineFor(new String[] {"show", "sched"}, ctx());
        ShowCommand show = cl.getSubcommands().get("show").getCommand();
        assertSame(cl.getCommand(), show.root);
        // --debug, the root's inherited option, is still accepted after the subcommand
        cl.parseArgs("show", "--debug", "sched");
        assertEquals(true, ((FluxModprobe) cl.getCommand()).debug);
    }
}
