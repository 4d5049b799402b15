package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --version} says what this copy is: version, the commit and day it was built, and the JDK it runs on. */
class VersionTest {
    private static final Pattern LINE = Pattern.compile(
            "flux-modprobe (\\S+) \\(commit ([0-9a-f]{7}(-dirty)?|unknown), built (\\d{4}-\\d\\d-\\d\\d|unknown)\\) on JDK (\\S+) \\((.+)\\)\n");

    @Test
    void versionNamesTheVersionTheCommitTheDayAndTheJdk() {
        CliRun run = CliRun.run(Map.of(), "--version");
        assertEquals(0, run.exit(), run.describe());
        var m = LINE.matcher(run.out());
        assertTrue(m.matches(), run.out());
        assertEquals(System.getProperty("java.version"), m.group(5));
        assertEquals(System.getProperty("java.vendor"), m.group(6));
    }

}
