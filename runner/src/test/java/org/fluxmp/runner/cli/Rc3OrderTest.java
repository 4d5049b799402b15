package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.broker.BrokerChoice;
import org.fluxmp.boot.broker.SimBrokerFile;
import org.fluxmp.boot.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in rc3 never removes the backing store before the content is flushed and dumped,
 * whatever the timing: one rc3 plan, run 100 times against the simulated broker with random
 * latencies and worker limits, each run checked from the sim log.
 */
class Rc3OrderTest {
    static final List<String> LOADED = List.of("content", "heartbeat", "cron", "job-info", "content-sqlite", "kvs",
            "kvs-watch", "resource", "job-manager", "job-list", "job-ingest", "job-exec", "sched-simple");
    static final Path SHOW_DEPS = CliRun.home().resolve("testdata/flux-samples/size1/modprobe-rc1-show-deps.json");

    @TempDir
    Path dir;

    @Test
    void contentIsFlushedAndDumpedBeforeTheBackingStoreGoesInEveryRun() throws Exception {
        Path file = dir.resolve("sim.toml");
        Path log = dir.resolve("log.jsonl");
        Path dump = dir.resolve("dump.tgz");
        Files.writeString(file, "log = \"log.jsonl\"\nloaded = [" + String.join(", ", LOADED.stream().map(m -> "\"" + m + "\"").toList())
                + "]\n[attrs]\n\"content.dump\" = \"" + dump + "\"\n");
        Map<String, String> env = Map.of("FLUX_MODPROBE_PATH", dir.toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        Context ctx = new Context(out, new PrintStream(errBytes, true, StandardCharsets.UTF_8), env, CliRun.home());
        Rc3Command rc3 = new Rc3Command();
        rc3.root = new FluxModprobe(ctx);
        rc3.run = new RunOptions();
        rc3.factOptions = new FactOptions();
        rc3.factOptions.broker = "sim:" + file;
        BootPipeline.Prepared p = rc3.prepare();
        SimBrokerFile base = p.sim();

        Map<String, List<String>> rc1Deps = rc1ModuleDeps();
        Random random = new Random(20240501);
        for (int run = 0; run < 100; run++) {
            Map<String, Long> latency = new LinkedHashMap<>();
            Map<String, Long> removal = new LinkedHashMap<>();
            latency.put("content.flush", (long) random.nextInt(4));
            for (String m : LOADED) {
                removal.put(m, (long) random.nextInt(2));
            }
            rc3.run.jobs = 1 + random.nextInt(6);
            SimBrokerFile sim = new SimBrokerFile(file, 0, 1, base.attrs(), Map.of(), Map.of(), LOADED, latency, removal,
                    Map.of(), null, log);
            Files.deleteIfExists(log);
            int rc = org.fluxmp.boot.run.PlanExecution.execute(ctx, p.plan(), BrokerChoice.simulated(sim, env), rc3.run.settings(), p.extraEnv(), null, p.job());
            assertEquals(0, rc, "run " + run + ": " + errBytes);
            check(run, read(log), rc1Deps);
        }
    }

    private static void check(int run, List<Map<?, ?>> log, Map<String, List<String>> rc1Deps) {
        Map<?, ?> flush = find(log, "rpc", "topic", "content.flush");
        Map<?, ?> dump = flux(log, "dump");
        // the startlog's finish event: one KVS commit appending to admin.eventlog
        Map<?, ?> finish = find(log, "rpc", "topic", "kvs.commit");
        assertTrue(String.valueOf(finish.get("payload")).contains("key=admin.eventlog"), "the finish event's commit: " + finish);
        String why = "run " + run + ": " + log;
        assertTrue(end(flush) <= start(dump), "content-flush ends before content-dump starts; " + why);
        assertTrue(end(dump) <= start(find(log, "remove", "name", "content-sqlite")),
                "content-dump ends before the backing store is removed; " + why);
        assertTrue(end(find(log, "remove", "name", "kvs")) <= start(flush), "kvs is gone before the flush; " + why);
        assertTrue(end(finish) <= start(find(log, "remove", "name", "kvs")), "post-finish-event before kvs goes; " + why);
        // modules go in the reverse of rc1's order: X after Y in rc1 -> X removed before Y
        rc1Deps.forEach((x, ys) -> {
            for (String y : ys) {
                assertTrue(end(find(log, "remove", "name", x)) <= start(find(log, "remove", "name", y)),
                        x + " is removed before " + y + "; " + why);
            }
        });
    }

    /** rc1's precedence among the loaded modules, from the original's --show-deps. */
    static Map<String, List<String>> rc1ModuleDeps() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ((Map<?, ?>) Json.parse(Files.readString(SHOW_DEPS))).forEach((k, v) -> {
            if (LOADED.contains(k)) {
                List<String> preds = new ArrayList<>();
                for (Object o : (List<?>) v) {
                    if (LOADED.contains(o) && !preds.contains(o)) {
                        preds.add((String) o);
                    }
                }
                out.put((String) k, preds);
            }
        });
        return out;
    }

    static List<Map<?, ?>> read(Path log) throws IOException {
        List<Map<?, ?>> out = new ArrayList<>();
        for (String l : Files.readAllLines(log)) {
            out.add((Map<?, ?>) Json.parse(l));
        }
        return out;
    }

    static Map<?, ?> find(List<Map<?, ?>> log, String action, String key, String value) {
        return log.stream().filter(m -> action.equals(m.get("action")) && value.equals(m.get(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " " + value + " in " + log));
    }

    /** The stand-in flux command's entry for {@code flux SUBCOMMAND ...}. */
    static Map<?, ?> flux(List<Map<?, ?>> log, String subcommand) {
        return log.stream().filter(m -> "flux".equals(m.get("action")) && subcommand.equals(((List<?>) m.get("argv")).get(0)))
                .findFirst().orElseThrow(() -> new AssertionError("no flux " + subcommand + " in " + log));
    }

    static double start(Map<?, ?> m) {
        return ((Number) m.get("start")).doubleValue();
    }

    static double end(Map<?, ?> m) {
        return ((Number) m.get("end")).doubleValue();
    }
}
