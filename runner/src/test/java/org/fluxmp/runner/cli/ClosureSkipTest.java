package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 / SPEC 4.5: a module skipped for its needs never comes back through the requires
 * closure, so that run loads what explain says it does. testdata/closure-skip is the issue's
 * reproduction: b disabled, a needs b, c requires a, setup loads c.
 */
class ClosureSkipTest {
    private static final Path DIR = CliRun.home().resolve("testdata/closure-skip");

    private static CliRun run(String... args) {
        return CliRun.run(java.util.List.of(args), Map.of("FLUX_MODPROBE_PATH", DIR.toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
    }

    @Test
    void theRunLoadsOnlyTheModuleAskedFor() {
        CliRun r = run("run", "--dry-run", DIR.resolve("rc.toml").toString());
        assertEquals("load c\n", r.out(), r.describe());
    }

    @Test
    void theGraphHasOnlyThatModule() {
        CliRun r = run("run", "--show-deps", DIR.resolve("rc.toml").toString());
        assertEquals("{\"c\": []}\n", r.out(), r.describe());
    }

    @Test
    void explainSaysTheSkippedModuleIsSkipped() {
        CliRun r = run("explain", "--rc", DIR.resolve("rc.toml").toString(), "a");
        assertTrue(r.out().startsWith("a: module (") && r.out().contains("skipped in run "), r.describe());
    }
}
