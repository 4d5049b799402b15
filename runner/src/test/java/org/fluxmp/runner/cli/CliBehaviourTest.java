package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fluxmp.boot.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CLI behaviour that holds for every command: help, usage errors, error lines, no stack traces. */
class CliBehaviourTest {
    static final String PREFIX = "flux-modprobe: ERROR: ";

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        // a search path of our own, so that nothing from /etc/flux/modprobe leaks in
        env = Map.of("FLUX_MODPROBE_PATH", dir.toString());
    }

    /** Every subcommand the root command declares (picocli's own "help" included). */
    static List<String> subcommands() {
        PrintStream nul = new PrintStream(PrintStream.nullOutputStream());
        Context ctx = new Context(nul, nul, Map.of(), CliRun.home());
        // hidden commands (generate-man, generate-completion) are build tools, not user commands
        List<String> names = new ArrayList<>();
        FluxModprobe.commandLine(ctx).getSubcommands().forEach((name, cl) -> {
            if (!cl.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void subcommandsIncludeTheTestedOnes() {
        assertTrue(subcommands().containsAll(List.of("show", "list-dependencies", "explain", "verify")), subcommands().toString());
    }

    @Test
    void rootHelpExitsZeroAndListsSubcommands() {
        for (String opt : List.of("--help", "-h")) {
            CliRun r = CliRun.run(env, opt);
            assertEquals(0, r.exit(), r.describe());
            assertTrue(r.out().contains("flux-modprobe"), r.describe());
            for (String sub : List.of("show", "list-dependencies", "explain", "verify")) {
                assertTrue(r.out().contains(sub), opt + " does not mention " + sub + "\n" + r.describe());
            }
            assertEquals("", r.err(), "help writes nothing to stderr");
        }
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void subcommandHelpExitsZeroAndNamesIt(String sub) {
        for (String opt : List.of("--help", "-h")) {
            CliRun r = CliRun.run(env, sub, opt);
            assertEquals(0, r.exit(), sub + " " + opt + "\n" + r.describe());
            assertTrue(r.out().contains(sub), sub + " " + opt + " does not mention " + sub + "\n" + r.describe());
            assertEquals("", r.err(), sub + " " + opt + " writes nothing to stderr");
        }
    }

    @Test
    void unknownOptionOnRootExitsTwo() {
        CliRun r = CliRun.run(env, "--no-such-option");
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().startsWith(PREFIX), r.describe());
        assertTrue(r.err().contains("--no-such-option"), r.describe());
        assertEquals("", r.out());
    }

    /** The subcommands that take options of their own (picocli's "help" is tested apart). */
    static List<String> commandsWithOptions() {
        List<String> l = subcommands();
        l.remove("help");
        return l;
    }

    @ParameterizedTest
    @MethodSource("commandsWithOptions")
    void unknownOptionOnSubcommandExitsTwo(String sub) {
        CliRun r = CliRun.run(env, sub, "--no-such-option", "sched");
        assertEquals(2, r.exit(), sub + "\n" + r.describe());
        assertTrue(r.err().startsWith(PREFIX), sub + "\n" + r.describe());
        assertTrue(r.err().contains("--no-such-option"), sub + "\n" + r.describe());
        assertEquals("", r.out(), sub);
        assertNoStackTrace(r);
    }

    @Test
    void helpSubcommandRejectsUnknownOption() {
        // `flux-modprobe help --no-such-option` must not pass for success either
        CliRun r = CliRun.run(env, "help", "--no-such-option");
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().startsWith(PREFIX), r.describe());
    }

    @Test
    void missingArgumentExitsTwo() {
        for (String sub : List.of("show", "list-dependencies", "explain")) {
            CliRun r = CliRun.run(env, sub);
            assertEquals(2, r.exit(), sub + "\n" + r.describe());
            assertTrue(r.err().startsWith(PREFIX), sub + "\n" + r.describe());
        }
    }

    @Test
    void unknownSubcommandExitsTwo() {
        CliRun r = CliRun.run(env, "no-such-command");
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().startsWith(PREFIX), r.describe());
    }

    /** Command lines that fail with exit 1 (bad input, not bad usage); files they use live in the temp dir. */
    Stream<List<String>> failingCommands() throws IOException {
        Path badToml = dir.resolve("bad-syntax");
        Files.createDirectories(badToml.resolve("modprobe.d"));
        Files.writeString(badToml.resolve("modprobe.d/10-bad.toml"), "[[modules]]\nname = \"oops\n");
        Path sim = dir.resolve("sim.toml");
        Files.writeString(sim, "rank = \"zero\"\nno-such-key = 1\n");
        return Stream.of(
                List.of("show", "no-such-module"),
                List.of("show", "--disable=foo", "sched"),
                List.of("show", "-S", "sched=no-such-module", "sched"),
                List.of("show", "-S", "no-such-service=sched-simple", "sched"),
                List.of("show", "-S", "garbage", "sched"),
                List.of("show", "--rank", "-1", "sched"),
                List.of("show", "--attr", "no-equals-sign", "sched"),
                List.of("show", "--broker=bogus", "sched"),
                List.of("show", "--broker=sim:" + dir.resolve("missing.toml"), "sched"),
                List.of("show", "--broker=sim:" + sim, "sched"),
                List.of("show", "--config-file", dir.resolve("missing.toml").toString(), "sched"),
                List.of("list-dependencies", "no-such-module"),
                List.of("list-dependencies", "-D", "foo", "sched"),
                List.of("explain", "no-such-name"),
                List.of("explain", "--rc", dir.resolve("missing.toml").toString(), "fsck"),
                List.of("explain", "--disable", "foo", "fsck"),
                List.of("verify", "--broker=sim:" + dir.resolve("missing.toml")),
                // commands that would act on a broker (the default sim broker: nothing loaded, no state file)
                List.of("load", "no-such-module"),
                List.of("remove", "cron"),
                List.of("run", dir.resolve("missing.toml").toString()),
                // FLUX_MODPROBE_PATH pointing at a broken file
                List.of("@" + badToml, "show", "sched"),
                List.of("@" + badToml, "explain", "sched"));
    }

    /** A leading "@DIR" word: use DIR as FLUX_MODPROBE_PATH for that command. */
    CliRun runFailing(List<String> cmd, boolean debug) {
        Map<String, String> e = env;
        List<String> args = new ArrayList<>(cmd);
        if (args.get(0).startsWith("@")) {
            e = Map.of("FLUX_MODPROBE_PATH", args.remove(0).substring(1));
        }
        if (debug) {
            args.add(1, "--debug");
        }
        return CliRun.run(args, e);
    }

    @Test
    void errorsExitOneWithPrefixedLinesAndNoStackTrace() throws IOException {
        List<String> failures = new ArrayList<>();
        failingCommands().forEach(cmd -> {
            CliRun r = runFailing(cmd, false);
            List<String> why = new ArrayList<>();
            if (r.exit() != 1) {
                why.add("exit " + r.exit() + ", expected 1");
            }
            if (r.err().isEmpty()) {
                why.add("nothing on stderr");
            }
            for (String line : r.err().split("\n")) {
                if (!line.isEmpty() && !line.startsWith(PREFIX)) {
                    why.add("stderr line without '" + PREFIX + "': " + line);
                    break;
                }
            }
            if (hasStackTrace(r.err())) {
                why.add("stack trace without --debug");
            }
            if (!why.isEmpty()) {
                failures.add(String.join(" ", cmd) + ": " + String.join("; ", why) + "\n" + r.describe());
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        List<String> failures = new ArrayList<>();
        failingCommands().forEach(cmd -> {
            CliRun r = runFailing(cmd, true);
            if (r.exit() != 1 || !r.err().contains(PREFIX) || !hasStackTrace(r.err())) {
                failures.add(String.join(" ", cmd) + " --debug: expected exit 1, an ERROR line and a stack trace\n"
                        + r.describe());
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    @Test
    void usageErrorFirstLineIsPrefixedAndNoStackTrace() {
        CliRun r = CliRun.run(env, "show", "--rank", "abc", "sched");
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().startsWith(PREFIX), r.describe());
        assertNoStackTrace(r);
    }

    @Test
    void verifyReportsFileAndLine() throws IOException {
        Files.createDirectories(dir.resolve("modprobe.d"));
        Path f = dir.resolve("modprobe.d/10-x.toml");
        Files.writeString(f, "[[modules]]\nname = \"x\"\nbogus = 1\n");
        CliRun r = CliRun.run(env, "verify");
        assertEquals(1, r.exit(), r.describe());
        assertTrue((r.out() + r.err()).contains(f + ":3: "), r.describe());
        assertNoStackTrace(r);
    }

    static boolean hasStackTrace(String err) {
        for (String line : err.split("\n")) {
            if (line.startsWith("\tat ") || line.startsWith("Caused by: ") || line.contains("Exception in thread")) {
                return true;
            }
        }
        return false;
    }

    static void assertNoStackTrace(CliRun r) {
        assertFalse(hasStackTrace(r.err()), "stack trace without --debug\n" + r.describe());
    }
}
