package org.fluxmp.boot.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fluxmp.boot.flux.TrainingBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 / SPEC 9: a boot from a cached plan stays on the boot module. In child JVMs (the JDK's
 * own class-data archive, none of the launcher's, so the log shows what the code needs), a cache
 * hit of rc1 loads at most {@value #BUDGET} classes, none of the planner (picocli, Drools, KIE,
 * Choco, tomlj, ANTLR, or the project's rules, solver and CLI), and none spun at run time (lambda,
 * method-handle or proxy classes): on the simulated broker and over the local connector.
 */
class BootPathClassLoadingTest {
    static final int BUDGET = 700;

    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source: (.*)$");
    private static final Pattern PLANNER = Pattern.compile(
            "^(picocli\\.|org\\.(drools|kie|chocosolver|tomlj|antlr)\\.|org\\.fluxmp\\.(rules|solver|runner)\\.)");

    @TempDir Path tmp;

    /** A class as the JVM logged it. */
    record Loaded(String name, String source) {
        boolean spun() {
            return name.contains("$$Lambda") || name.contains("LambdaForm$") || source.contains("__JVM_LookupDefineClass__")
                    || source.contains("__dynamic_proxy__") || source.contains("__JVM_DefineClass__");
        }
    }

    private String run(List<String> args, Map<String, String> env, Path classLog) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
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
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static List<Loaded> loaded(Path log) throws IOException {
        List<Loaded> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                out.add(new Loaded(m.group(1), m.group(2)));
            }
        }
        return out;
    }

    private void checkHit(Map<String, String> env) throws Exception {
        checkHit(List.of("rc1", "--dry-run"), env);
    }

    private void checkHit(List<String> args, Map<String, String> env) throws Exception {
        String miss = run(args, env, null);
        Path log = tmp.resolve("classes.log");
        String hit = run(args, env, log);
        assertEquals(miss, hit, "a cached run prints what an uncached one does");
        List<Loaded> classes = loaded(log);
        List<String> planner = new ArrayList<>();
        List<String> spun = new ArrayList<>();
        for (Loaded c : classes) {
            if (PLANNER.matcher(c.name()).find()) {
                planner.add(c.name());
            }
            if (c.spun()) {
                spun.add(c.name() + " (" + c.source() + ")");
            }
        }
        assertTrue(planner.isEmpty(), "planner classes on the boot path: " + planner.subList(0, Math.min(10, planner.size())));
        assertTrue(spun.isEmpty(), "classes spun at run time on the boot path: " + spun.subList(0, Math.min(10, spun.size())));
        assertTrue(classes.size() <= BUDGET, "a cache hit loaded " + classes.size() + " classes, over the budget of " + BUDGET);
    }

    @Test
    void rc1DryRunOnACacheHitOnTheSimulatedBrokerStaysInTheBudget() throws Exception {
        checkHit(Map.of());
    }

    @Test
    void rc1DryRunOnACacheHitOverTheLocalConnectorStaysInTheBudget() throws Exception {
        try (TrainingBroker broker = new TrainingBroker(tmp.resolve("broker.sock"))) {
            checkHit(Map.of("FLUX_URI", broker.uri()));
        }
    }

    @Test
    void loadFromACachedPlanStaysOnTheBootPath() throws Exception {
        checkHit(List.of("load", "--dry-run", "heartbeat"), Map.of());
    }

    @Test
    void rc1DryRunWithoutTheCacheDoesLoadThePlanner() throws Exception {
        Path log = tmp.resolve("classes.log");
        run(List.of("rc1", "--dry-run", "--no-cache"), Map.of(), log);
        List<Loaded> classes = loaded(log);
        assertTrue(classes.stream().anyMatch(c -> c.name().startsWith("org.drools")),
                "the check above would see planner classes if they were loaded");
        assertTrue(classes.stream().anyMatch(Loaded::spun), "and classes spun at run time, were there any");
    }
}
