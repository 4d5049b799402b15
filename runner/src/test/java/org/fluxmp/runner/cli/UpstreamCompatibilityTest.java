package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.json.Json;
import org.junit.jupiter.api.Test;

/**
 * What a site that switches from the original would trip over (SPEC 1, 3, 6), tried as an admin
 * would on the simulated broker: Flux under Slurm, {@code run NAME}, the files {@code -v} names,
 * a setup that unsets a variable, a task's setopt-overwrite, FLUX_RC_USE_MODPROBE.
 */
class UpstreamCompatibilityTest extends SearchPathCliTest {

    /** The sim log's lines, waiting up to 10 s for one that contains EXPECTED (a detached helper logs late). */
    String logWith(String expected) throws Exception {
        Path log = dir.resolve("log.jsonl");
        for (int i = 0; i < 200; i++) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(expected)) {
                return text;
            }
            Thread.sleep(50);
        }
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** A broker started as a Slurm job: SLURM_JOB_ID is in its environment, not in rc1's. */
    String slurmBroker() throws IOException {
        write("sim.toml", "log = \"log.jsonl\"\n[latency]\ndefault = 0\n[env]\nSLURM_JOB_ID = \"1234\"\n");
        return "--broker=sim:" + dir.resolve("sim.toml");
    }

    @Test
    void underSlurmTheExpirationSyncStartsWithTheJobIdFromTheBrokersEnvironment() throws Exception {
        CliRun r = run("rc1", slurmBroker());
        assertEquals(0, r.exit(), r.describe());
        assertTrue(!r.err().contains("invalid SLURM_JOB_ID"), r.describe());
        String log = logWith("--jobid=1234");
        assertTrue(log.contains("\"argv\": [\"slurm-expiration-sync\", \"--jobid=1234\"]"), log);
    }

    @Test
    void underSlurmTheInstanceGetsYogrtBackendFlux() throws Exception {
        run("rc1", slurmBroker());
        String log = logWith("YOGRT_BACKEND");
        assertTrue(log.contains("{\"action\": \"setenv\", \"env\": {\"YOGRT_BACKEND\": \"flux\"}"), log);
    }

    @Test
    void underSlurmACachedBootStartsTheSyncToo() throws Exception {
        env.put("FLUX_MODPROBE_CACHE", Files.createDirectories(dir.resolve("cache")).toString());
        String broker = slurmBroker();
        run("rc1", broker);
        Files.deleteIfExists(dir.resolve("log.jsonl"));
        CliRun hit = run("rc1", broker);
        assertEquals(0, hit.exit(), hit.describe());
        assertTrue(logWith("--jobid=1234").contains("--jobid=1234"));
    }

    @Test
    void runNameReadsNameTomlDropInsFromTheSearchPath() throws IOException {
        write("rc2.d/b.toml", "[[task]]\nname = \"second\"\nafter = [\"first\"]\nrun = \"echo second\"\n");
        write("rc2.d/a.toml", "[[task]]\nname = \"first\"\nrun = \"echo first\"\n");
        CliRun r = run("run", "rc2");
        assertEquals(0, r.exit(), r.describe());
        assertEquals("first\nsecond\n", r.out());
    }

    @Test
    void runNameWithNoFilesRunsNothingAsTheOriginal() {
        CliRun r = run("run", "rc9", "--dry-run");
        assertEquals(0, r.exit(), r.describe());
        assertEquals("", r.out());
    }

    @Test
    void runOfAFileWithoutAnExtensionTakesADirectoryPart() throws IOException {
        write("site-tasks", "[[task]]\nname = \"t\"\nrun = \"echo from the file\"\n");
        env.put("FLUX_MODPROBE_PATH", dir.resolve("elsewhere").toString());
        CliRun r = run("run", dir.resolve("site-tasks").toString());
        assertEquals(0, r.exit(), r.describe());
        assertEquals("from the file\n", r.out());
    }

    @Test
    void runOfAMissingFileFailsAsTheOriginal() {
        CliRun r = run("run", dir.resolve("missing.toml").toString());
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("missing.toml: No such file or directory"), r.describe());
    }

    @Test
    void verboseNamesEachFileItLoadsAfterThePlacesItChecked() throws IOException {
        write("rc1.d/site.toml", "[[task]]\nname = \"site\"\nrun = \"true\"\n");
        CliRun r = run("rc1", "-v", "--dry-run");
        List<String> lines = new ArrayList<>();
        for (String l : r.err().split("\n")) {
            if (l.startsWith("checking ") || l.startsWith("loading ")) {
                lines.add(l.replace(CliRun.home().toString(), "HOME").replace(dir.toString(), "DIR"));
            }
        }
        assertEquals(List.of(
                "checking HOME/etc/modprobe/modprobe.toml",
                "checking DIR/modprobe.d/*.toml",
                "loading HOME/etc/modprobe/modprobe.toml",
                "checking HOME/etc/modprobe/rc1.toml",
                "checking DIR/rc1.d/*.toml",
                "loading HOME/etc/modprobe/rc1.toml",
                "loading DIR/rc1.d/site.toml"), lines);
    }

    @Test
    void aSetupUnsetenvUnsetsTheVariableForTasks() throws IOException {
        env.put("SITE_DEBUG", "1");
        Path f = write("tasks.toml", "[setup]\nrun = \"echo 'unsetenv SITE_DEBUG' >>$FLUX_MODPROBE_OUTPUT\"\n"
                + "[[task]]\nname = \"t\"\nrun = 'echo \"${SITE_DEBUG-unset}\"'\n");
        CliRun r = run("run", f.toString());
        assertEquals(0, r.exit(), r.describe());
        assertEquals("unset\n", r.out());
    }

    @Test
    void aTasksSetoptOverwriteDropsTheModulesConfiguredArguments() throws Exception {
        write("modprobe.d/site.toml", "resource.args = [\"site-arg\"]\n");
        write("sim.toml", "log = \"log.jsonl\"\n[latency]\ndefault = 0\n");
        Path f = write("tasks.toml", "[setup]\nload = [\"resource\"]\n[[task]]\nname = \"fake\"\nbefore = [\"resource\"]\n"
                + "run = \"echo 'setopt-overwrite resource monitor-force-up noverify' >>$FLUX_MODPROBE_OUTPUT\"\n");
        CliRun r = run("run", f.toString(), "--broker=sim:" + dir.resolve("sim.toml"));
        assertEquals(0, r.exit(), r.describe());
        Map<?, ?> load = null;
        for (String l : Files.readAllLines(dir.resolve("log.jsonl"))) {
            Map<?, ?> m = (Map<?, ?>) Json.parse(l);
            if ("load".equals(m.get("action")) && "resource".equals(m.get("name"))) {
                load = m;
            }
        }
        assertEquals(List.of("monitor-force-up", "noverify"), load == null ? null : load.get("args"));
    }

    @Test
    void theBuiltinFakeResourcesReadsItsConfigAndOverwritesTheResourceArguments() throws Exception {
        write("modprobe.d/site.toml", "resource.args = [\"site-arg\"]\n");
        write("sim.toml", "log = \"log.jsonl\"\n[latency]\ndefault = 0\n"
                + "[config.fake-resources]\nnnodes = 4\ncores-per-node = 8\n");
        CliRun r = run("rc1", "--broker=sim:" + dir.resolve("sim.toml"));
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("Encoding fake R: 4 nodes, 8 cores/node, 0 GPUs/node\n"), r.describe());
        String log = Files.readString(dir.resolve("log.jsonl"));
        assertTrue(log.contains("\"name\": \"resource\", \"module\": \"resource\", \"args\": [\"monitor-force-up\", \"noverify\"]"),
                log);
    }

    @Test
    void rc1TasksSeeFluxRcUseModprobe() throws IOException {
        write("rc1.d/probe.toml", "[[task]]\nname = \"probe\"\nrun = 'echo \"use=$FLUX_RC_USE_MODPROBE\"'\n");
        CliRun r = run("rc1");
        assertTrue(r.out().contains("use=t\n"), r.describe());
    }
}
