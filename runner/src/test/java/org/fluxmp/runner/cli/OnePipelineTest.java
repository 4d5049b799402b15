package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a run and its preview go through one decision. {@code solve rc3} once read the
 * loaded modules in the broker's order while {@code rc3} sorted them, so the two could order
 * removals differently.
 */
class OnePipelineTest {
    @TempDir Path dir;

    private static final List<String> LOADED = List.of("sched-simple", "kvs-watch", "kvs", "job-manager", "heartbeat",
            "content-sqlite", "content", "resource");

    private Path sim(List<String> loaded) throws IOException {
        Path file = dir.resolve("sim-" + loaded.get(0) + ".toml");
        List<String> quoted = new ArrayList<>();
        loaded.forEach(m -> quoted.add('"' + m + '"'));
        Files.writeString(file, "loaded = [" + String.join(", ", quoted) + "]\n");
        return file;
    }

    private Map<String, String> env() throws IOException {
        return Map.of("FLUX_MODPROBE_PATH", Files.createDirectories(dir.resolve("path")).toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** The task names of {@code rc3 --dry-run}, in the order it would start them. */
    private List<String> rc3(Path sim) throws IOException {
        CliRun r = CliRun.run(env(), "rc3", "--dry-run", "--no-cache", "--broker=sim:" + sim, "-j", "4");
        assertEquals(0, r.exit(), r.describe());
        List<String> names = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            names.add(line.substring(line.indexOf(' ') + 1));
        }
        return names;
    }

    /** The task names of {@code solve rc3 --json}, in plan order. */
    @SuppressWarnings("unchecked")
    private List<String> solveRc3(Path sim) throws IOException {
        CliRun r = CliRun.run(env(), "solve", "rc3", "--broker=sim:" + sim, "-j", "4", "--json");
        assertEquals(0, r.exit(), r.describe());
        return (List<String>) ((Map<String, Object>) Json.parse(r.out())).get("enabled");
    }

    @Test
    void solveRc3OrdersRemovalsAsRc3Does() throws IOException {
        Path sim = sim(LOADED);
        assertEquals(rc3(sim), solveRc3(sim));
    }

    @Test
    void theOrderTheBrokerListsModulesInChangesNeitherPlan() throws IOException {
        List<String> reversed = new ArrayList<>(LOADED);
        java.util.Collections.reverse(reversed);
        assertEquals(rc3(sim(LOADED)), rc3(sim(reversed)));
        assertEquals(solveRc3(sim(LOADED)), solveRc3(sim(reversed)));
    }
}
