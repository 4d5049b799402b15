package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rc1.d/*.py drop-ins in the original's format, run as a site that switches would run them
 * (SPEC 10): their tasks run, share data, fail with their exception's message; a file that does
 * not import stops the run before anything starts; a cached boot does not describe them again.
 */
class PythonDropInCliTest {
    static final Path PYTHON = CliRun.home().resolve("testdata/python");

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        env = new LinkedHashMap<>();
        env.put("FLUX_MODPROBE_PATH", dir.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Files.createDirectories(dir.resolve("rc1.d"));
    }

    void dropIn(String name) throws IOException {
        Files.copy(PYTHON.resolve(name), dir.resolve("rc1.d").resolve(name));
    }

    CliRun run(String... args) {
        return CliRun.run(List.of(args), env);
    }

    @Test
    void rc1RunsTheTasksOfAPythonDropIn() throws IOException {
        dropIn("site.py");
        CliRun r = run("rc1");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("hello from python on rank 0\n"), r.describe());
    }

    @Test
    void aPythonTaskSharesJsonValuesWithLaterTasks() throws IOException {
        dropIn("site.py");
        CliRun r = run("rc1");
        assertTrue(r.out().contains("later got {'text': 'hi', 'n': 2}\n"), r.describe());
    }

    @Test
    void setupAsksForModulesAndTheirOptions() throws IOException {
        dropIn("site.py");
        CliRun r = run("rc1", "--dry-run");
        assertTrue(r.out().contains("load kvs checkpoint-period=10m\n"), r.describe());
        assertTrue(r.out().contains("run site-hello\n"), r.describe());
    }

    @Test
    void contextPrintIsShownOnlyWithVerbose() throws IOException {
        dropIn("site.py");
        assertFalse(run("rc1").err().contains("said only with -v"));
        assertTrue(run("rc1", "-v").err().contains("site-hello: said only with -v\n"));
    }

    @Test
    void anExceptionFailsTheTaskWithItsMessage() throws IOException {
        dropIn("failing.py");
        CliRun r = run("rc1");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("site-fails: the site check failed\n"), r.describe());
    }

    @Test
    void aDropInThatDoesNotImportStopsRc1BeforeAnythingStarts() throws IOException {
        dropIn("missing-import.py");
        CliRun r = run("rc1");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains(dir.resolve("rc1.d/missing-import.py") + ":2: ModuleNotFoundError"), r.describe());
        assertFalse(r.err().contains("loaded"), "nothing ran: " + r.describe());
    }

    @Test
    void verifyReportsAPythonSyntaxErrorWithFileAndLine() throws IOException {
        dropIn("syntax-error.py");
        CliRun r = run("verify");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.out().contains(dir.resolve("rc1.d/syntax-error.py") + ":5: SyntaxError: "), r.describe());
    }

    @Test
    void explainKnowsAPythonTask() throws IOException {
        dropIn("site.py");
        CliRun r = run("explain", "site-hello", "--rank", "1");
        assertTrue(r.out().startsWith("site-hello: task (" + dir.resolve("rc1.d/site.py") + ":10), rank 1: skipped in rc1"),
                r.describe());
    }

    @Test
    void aPythonTaskSeesTheBrokersValueOfWhatItsNeedsEnvNamed() throws IOException {
        dropIn("slurm.py");
        Files.writeString(dir.resolve("sim.toml"), "log = \"log.jsonl\"\n[env]\nSLURM_JOB_ID = \"1234\"\n");
        CliRun r = run("rc1", "--broker=sim:" + dir.resolve("sim.toml"));
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("job 1234\n"), r.describe());
        assertTrue(Files.readString(dir.resolve("log.jsonl")).contains("\"argv\": [\"rpc\", \"site.hello\", \"{\\\"job\\\": \\\"1234\\\"}\"]"),
                "context.rpc reaches the simulated broker");
    }

    @Test
    void aCachedBootDescribesNothingAndRunsOnlyTheTasksAndSetup() throws IOException {
        dropIn("site.py");
        Path log = dir.resolve("python.log");
        Path python = dir.resolve("logging-python");
        Files.writeString(python, "#!/bin/bash\necho \"$2\" >>" + log + "\nexec python3 \"$@\"\n");
        python.toFile().setExecutable(true);
        env.put("FLUX_MODPROBE_PYTHON", python.toString());
        env.put("FLUX_MODPROBE_CACHE", Files.createDirectories(dir.resolve("cache")).toString());
        run("rc1");
        Files.delete(log);
        CliRun hit = run("rc1");
        assertEquals(0, hit.exit(), hit.describe());
        List<String> calls = Files.readAllLines(log);
        assertFalse(calls.contains("describe"), calls.toString());
        assertEquals(1, calls.stream().filter("setup"::equals).count(), "setup runs at every boot: " + calls);
        assertEquals(2, calls.stream().filter("run"::equals).count(), "one run per task: " + calls);
    }

    @Test
    void runReadsAPythonFileAlone() {
        CliRun r = run("run", PYTHON.resolve("failing.py").toString());
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("site-fails: the site check failed"), r.describe());
    }
}
