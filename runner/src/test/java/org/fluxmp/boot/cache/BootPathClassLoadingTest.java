package org.fluxmp.boot.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 9 / fast boot: rc1 from a cached plan loads no rules engine, solver or TOML parser class.
 * Runs the real CLI in child JVMs (no class-data archive, so the log shows what the code loads).
 */
class BootPathClassLoadingTest {
    private static final Pattern PLANNER = Pattern.compile("\\] (org\\.(drools|kie|chocosolver|tomlj|antlr)\\.[^ ]+) source");

    @TempDir Path tmp;

    private String run(List<String> args, Path classLog) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:off");
        if (classLog != null) {
            cmd.add("-Xlog:class+load=info:file=" + classLog);
        }
        cmd.add("-Dfluxmp.home=" + Path.of(System.getProperty("fluxmp.home", "..")).toAbsolutePath().normalize());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.fluxmp.boot.Boot");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FLUX_"));
        pb.environment().put("FLUX_MODPROBE_PATH", tmp.toString());
        pb.environment().put("FLUX_MODPROBE_CACHE", tmp.resolve("cache").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static List<String> plannerClasses(Path log) throws IOException {
        return Files.readAllLines(log).stream().map(PLANNER::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).collect(Collectors.toList());
    }

    @Test
    void rc1DryRunOnACacheHitLoadsNoPlannerClass() throws Exception {
        String miss = run(List.of("rc1", "--dry-run"), null);
        Path log = tmp.resolve("classes.log");
        String hit = run(List.of("rc1", "--dry-run"), log);
        assertEquals(miss, hit, "a cached run prints what an uncached one does");
        List<String> loaded = plannerClasses(log);
        assertTrue(loaded.isEmpty(), "loaded on the boot path: " + loaded.stream().limit(10).collect(Collectors.toList()));
    }

    @Test
    void rc1DryRunWithoutTheCacheDoesLoadThePlanner() throws Exception {
        Path log = tmp.resolve("classes.log");
        run(List.of("rc1", "--dry-run", "--no-cache"), log);
        assertTrue(plannerClasses(log).stream().anyMatch(c -> c.startsWith("org.drools")),
                "the check above would see planner classes if they were loaded");
    }
}
