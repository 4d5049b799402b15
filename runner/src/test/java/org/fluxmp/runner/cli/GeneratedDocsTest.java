package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The man page and bash completion in the repository are the generators' output for the current
 * commands (regenerate with -Dgolden.update=true, like the golden files).
 */
class GeneratedDocsTest {
    private static void check(Path file, String command) throws IOException {
        CliRun run = CliRun.run(Map.of(), command);
        assertEquals(0, run.exit(), run.describe());
        if (System.getProperty("golden.update") != null) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, run.out());
        }
        assertEquals(Files.readString(file), run.out(), file + " is stale: regenerate with -Dgolden.update=true");
    }

    @Test
    void manPageMatchesTheCommands() throws IOException {
        check(CliRun.home().resolve("docs/flux-modprobe.1"), "generate-man");
    }

    @Test
    void bashCompletionMatchesTheCommands() throws IOException {
        check(CliRun.home().resolve("etc/bash_completion.d/flux-modprobe"), "generate-completion");
    }
}
