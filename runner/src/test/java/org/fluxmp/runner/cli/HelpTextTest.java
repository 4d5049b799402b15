package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.Context;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help that reads whole: each command is listed in {@code flux-modprobe --help} by one sentence
 * on one line; longer text is whole paragraphs, shown by the command's own --help and the man page.
 */
class HelpTextTest {
    private static final CommandLine ROOT = FluxModprobe.commandLine(
            new Context(new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()),
                    Map.of(), CliRun.home()));
    private static final int WIDTH = ROOT.getUsageHelpWidth();

    private static List<CommandSpec> listedCommands() {
        List<CommandSpec> out = new ArrayList<>();
        for (CommandLine sub : ROOT.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                out.add(sub.getCommandSpec());
            }
        }
        return out;
    }

    /** A sentence: a capital first, one full stop, at the end. */
    private static boolean isOneSentence(String s) {
        return Character.isUpperCase(s.charAt(0)) && s.endsWith(".") && s.indexOf(". ") < 0;
    }

    @Test
    void everyCommandsOneLineDescriptionIsOneSentence() {
        for (CommandSpec c : listedCommands()) {
            String first = c.usageMessage().description()[0];
            assertTrue(isOneSentence(first), c.name() + ": \"" + first + "\" is not one whole sentence");
        }
    }

    @Test
    void everyCommandIsListedOnOneLineOfTheHelpWidth() {
        String help = CliRun.run(Map.of(), "--help").out();
        String commands = help.substring(help.indexOf("Commands:\n") + "Commands:\n".length(), help.indexOf("\n\n", help.indexOf("Commands:")));
        List<CommandSpec> listed = listedCommands();
        String[] lines = commands.split("\n");
        assertEquals(listed.size(), lines.length, "a command's description is wrapped:\n" + commands);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            CommandSpec c = listed.get(i);
            assertTrue(line.startsWith("  " + c.name() + " ") && line.endsWith(" " + c.usageMessage().description()[0]),
                    "not one line: " + line);
            assertTrue(line.length() <= WIDTH, "wider than " + WIDTH + ": " + line);
        }
    }

    @Test
    void everyParagraphOfACommandsDescriptionEndsItsSentence() {
        for (CommandSpec c : listedCommands()) {
            for (String paragraph : c.usageMessage().description()) {
                assertTrue(paragraph.endsWith("."), c.name() + ": paragraph cut mid-sentence: \"" + paragraph + "\"");
            }
        }
    }

    @Test
    void theExitStatusTableFitsAsWritten() {
        for (String line : ROOT.getCommandSpec().usageMessage().footer()) {
            assertTrue(line.length() <= WIDTH, "picocli would wrap it to column 0: " + line);
        }
    }
}
