package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.ErrorKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 14: an error from a command's real path has its kind, and is reported with the message and
 * the exit status it always had, the status its kind maps to.
 */
class ErrorKindCliTest {
    @TempDir Path dir;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        env = new HashMap<>();
        env.put("FLUX_MODPROBE_PATH", Files.createDirectories(dir.resolve("config")).toString());
        env.put("PATH", "/usr/bin:/bin");
    }

    /** What the command ARGS threw, caught where picocli hands it to the tool's execution handler. */
    private ToolException thrownBy(String... args) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine cl = FluxModprobe.commandLine(new Context(quiet, quiet, CliRun.isolated(env), CliRun.home()));
        AtomicReference<Exception> thrown = new AtomicReference<>();
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            thrown.set(ex);
            return -1;
        });
        assertEquals(-1, cl.execute(args), "the command threw");
        return assertInstanceOf(ToolException.class, thrown.get());
    }

    /** A broker that cannot be reached: no socket at FLUX_URI, and no {@code flux} command on PATH. */
    private void noBroker() {
        env.put("FLUX_URI", "local://" + dir.resolve("no-broker-here"));
        env.put("PATH", dir.toString());
    }

    @Test
    void aValueTheCommandRefusesIsAUsageError() {
        ToolException e = thrownBy("solve", "--time-limit", "-1");
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals("--time-limit: must not be negative", e.getMessage());
    }

    @Test
    void aUsageErrorIsReportedAsItAlwaysWas() {
        CliRun r = CliRun.run(env, "solve", "--time-limit", "-1");
        assertEquals("flux-modprobe: ERROR: --time-limit: must not be negative\n", r.err(), r.describe());
        assertEquals(ErrorKind.USAGE.status(), r.exit());
        assertEquals(1, r.exit());
    }

    @Test
    void aJobsCountBelowOneOnTheBootPathIsReportedAsAUsageError() {
        CliRun r = CliRun.run(env, "rc1", "--dry-run", "--jobs", "0");
        assertEquals("flux-modprobe: ERROR: --jobs: must be at least 1\n", r.err(), r.describe());
        assertEquals(ErrorKind.USAGE.status(), r.exit());
    }

    @Test
    void anUnreachableBrokerIsABrokerFailure() {
        noBroker();
        ToolException e = thrownBy("show", "kvs");
        assertEquals(ErrorKind.BROKER, e.kind());
        assertTrue(e.getMessage().startsWith("--broker=flux: cannot connect to the broker at "), e.getMessage());
    }

    @Test
    void aBrokerFailureIsReportedAsItAlwaysWas() {
        noBroker();
        CliRun r = CliRun.run(env, "show", "kvs");
        assertTrue(r.err().startsWith("flux-modprobe: ERROR: --broker=flux: cannot connect to the broker at "), r.describe());
        assertTrue(r.err().endsWith(", and no flux command on PATH\n"), r.describe());
        assertEquals(ErrorKind.BROKER.status(), r.exit());
        assertEquals(1, r.exit());
    }

    @Test
    void aFailedSetupStepIsATaskFailureAtItsPlace() throws Exception {
        Path rc = Files.writeString(dir.resolve("fails.toml"), "[setup]\nrun = \"exit 3\"\n");
        ToolException e = thrownBy("run", "--dry-run", rc.toString());
        assertEquals(ErrorKind.TASK, e.kind());
        assertEquals(rc + ":2: setup: bash: exited with exit status 3", e.getMessage());
    }

    @Test
    void anOptionTheParserDoesNotKnowExitsWithTheCommandLineStatus() {
        CliRun r = CliRun.run(env, "show", "--no-such-option", "kvs");
        assertTrue(r.err().startsWith("flux-modprobe: ERROR: Unknown option: '--no-such-option'\nUsage: flux-modprobe show "),
                r.describe());
        assertEquals(ErrorKind.COMMAND_LINE.status(), r.exit());
        assertEquals(2, r.exit());
    }
}
