package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 9 through the CLI: a hit prints what a miss prints, and any input that changed forces a miss. */
class PlanCacheCliTest {
    @TempDir Path tmp;

    private Map<String, String> env() {
        return Map.of("FLUX_MODPROBE_PATH", tmp.toString(), "FLUX_MODPROBE_CACHE", tmp.resolve("cache").toString());
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            return s.filter(p -> p.toString().endsWith(".plan")).count();
        }
    }

    @Test
    void verboseListsTheFilesOnceOnAMissAndOnAHit() throws IOException {
        for (String run : new String[] {"miss", "hit"}) {
            CliRun r = CliRun.run(env(), "rc1", "--dry-run", "-v");
            long listed = r.err().lines().filter(l -> l.startsWith("checking ") && l.endsWith("/modprobe.toml")).count();
            assertEquals(1, listed, run + ": " + r.describe());
        }
    }

    @Test
    void secondRunIsAHitWithTheSameOutput() throws IOException {
        CliRun miss = CliRun.run(env(), "rc1", "--dry-run");
        CliRun hit = CliRun.run(env(), "rc1", "--dry-run");
        assertEquals(0, miss.exit(), miss.describe());
        assertEquals(miss.out(), hit.out());
        assertEquals(miss.err(), hit.err());
        assertEquals(1, entries());
    }

    @Test
    void changedAttributeInTheBrokerForcesAMiss() throws IOException {
        Path sim = tmp.resolve("sim.toml");
        Files.writeString(sim, "[attrs]\n");
        CliRun before = CliRun.run(env(), "rc1", "--dry-run", "--broker=sim:" + sim);
        assertFalse(before.out().contains("run restore"), before.describe());
        Files.writeString(sim, "[attrs]\n\"content.restore\" = \"auto\"\n");
        CliRun after = CliRun.run(env(), "rc1", "--dry-run", "--broker=sim:" + sim);
        assertTrue(after.out().contains("run restore"), after.describe());
    }

    @Test
    void newDropInForcesAMiss() throws IOException {
        CliRun.run(env(), "rc1", "--dry-run");
        Files.createDirectories(tmp.resolve("modprobe.d"));
        Files.writeString(tmp.resolve("modprobe.d/50.toml"), "kvs.args = [\"x=1\"]\n");
        CliRun after = CliRun.run(env(), "rc1", "--dry-run");
        assertTrue(after.out().contains("load kvs x=1"), after.describe());
    }

    @Test
    void noCacheNeitherReadsNorStores() {
        CliRun run = CliRun.run(env(), "rc1", "--dry-run", "--no-cache");
        assertEquals(0, run.exit(), run.describe());
        assertFalse(Files.exists(tmp.resolve("cache")));
    }

    @Test
    void rc3FromACachedPlanRemovesTheSameModules() throws IOException {
        Path sim = tmp.resolve("sim.toml");
        Files.writeString(sim, "loaded = [\"heartbeat\", \"content\", \"content-sqlite\", \"kvs\"]\n");
        CliRun miss = CliRun.run(env(), "rc3", "--dry-run", "--broker=sim:" + sim);
        CliRun hit = CliRun.run(env(), "rc3", "--dry-run", "--broker=sim:" + sim);
        assertEquals(miss.out(), hit.out());
        assertTrue(hit.out().contains("remove kvs"), hit.describe());
        Files.writeString(sim, "loaded = [\"heartbeat\"]\n");
        CliRun fewer = CliRun.run(env(), "rc3", "--dry-run", "--broker=sim:" + sim);
        assertFalse(fewer.out().contains("remove kvs"), fewer.describe());
    }

    @Test
    void compileGroupsRanksThatGetTheSamePlan() {
        CliRun run = CliRun.run(env(), "compile", "--ranks", "0-3");
        assertEquals(0, run.exit(), run.describe());
        List<String> lines = run.out().lines().collect(java.util.stream.Collectors.toList());
        assertEquals(2, lines.size(), run.describe());
        assertTrue(lines.get(0).startsWith("rc1: ranks 0: 18 tasks, stored in "), run.describe());
        assertTrue(lines.get(1).startsWith("rc1: ranks 1-3: 8 tasks, stored in "), run.describe());
    }

    @Test
    void compiledPlanServesABootOfAnyCompiledRank() throws IOException {
        CliRun.run(env(), "compile", "--ranks", "0-3");
        Path file;
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            file = s.filter(p -> p.toString().endsWith(".plan")).findFirst().orElseThrow();
        }
        byte[] compiled = Files.readAllBytes(file);
        CliRun planned = CliRun.run(Map.of("FLUX_MODPROBE_PATH", tmp.toString()), "rc1", "--dry-run", "--rank", "2", "--no-cache");
        CliRun booted = CliRun.run(env(), "rc1", "--dry-run", "--rank", "2");
        assertEquals(planned.out(), booted.out());
        assertTrue(java.util.Arrays.equals(compiled, Files.readAllBytes(file)),
                "a hit stores nothing: the boot used the compiled plan");
    }
}
