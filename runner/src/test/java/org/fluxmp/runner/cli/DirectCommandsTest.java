package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.fluxmp.boot.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines bound without picocli print exactly what picocli's binding prints. */
class DirectCommandsTest {
    @TempDir Path tmp;

    private String[] run(BiFunction<String[], Context, Integer> how, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = how.apply(args, new Context(o, e, env, CliRun.home()));
        }
        // a real run's summary says how long it took: the one thing that may differ
        String summary = err.toString(StandardCharsets.UTF_8).replaceAll(" in [0-9]+ ms", " in N ms");
        return new String[] {out.toString(StandardCharsets.UTF_8), summary, Integer.toString(rc)};
    }

    private Map<String, String> env() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        return Map.of("FLUX_MODPROBE_PATH", config.toString(), "FLUX_MODPROBE_CACHE", tmp.resolve("cache").toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    @Test
    void directAndParsedBindingsPrintTheSame() throws IOException {
        Path rc = tmp.resolve("rc.toml");
        Files.writeString(rc, "[[task]]\nname = \"hello\"\nrun = \"echo hello\"\n");
        Map<String, String> env = env();
        List<List<String>> lines = List.of(
                List.of("show", "sched"),
                List.of("show", "no-such-module"),
                List.of("explain", "sched"),
                List.of("explain", "fsck"),
                List.of("list-dependencies", "sched"),
                List.of("rc1", "--dry-run"),
                List.of("rc1", "-n", "-j", "3"),
                List.of("rc3", "--dry-run", "--jobs=2"),
                List.of("rc1", "--dry-run", "-j", "0"),
                List.of("run", rc.toString()),
                List.of("run", "--dry-run", rc.toString()),
                List.of("load", "--dry-run", "sched-simple"),
                List.of("load", "-n", "heartbeat", "kvs"),
                List.of("remove", "--dry-run", "all"),
                List.of("load", "--dry-run", "no-such-module"));
        for (List<String> line : lines) {
            String[] args = line.toArray(new String[0]);
            assertNotNull(DirectCommands.of(args, new Context(System.out, System.err, env, CliRun.home())), "direct: " + line);
            String[] parsed = run(FluxModprobe::parseAndExecute, env, args);
            String[] direct = run(FluxModprobe::execute, env, args);
            assertEquals(List.of(parsed), List.of(direct), "for " + line);
        }
    }

    @Test
    void anythingElseIsLeftToPicocli() throws IOException {
        Context ctx = new Context(System.out, System.err, env(), CliRun.home());
        for (List<String> line : List.of(List.of("show"), List.of("show", "-S", "sched=sched-fifo", "sched"),
                List.of("show", "--help"), List.of("explain", "sched", "--json"), List.of("rc1", "--show-deps"),
                List.of("rc1", "--rank", "1"), List.of("--help"), List.of("rc1", "-jx"), List.of("verify"))) {
            assertNull(DirectCommands.of(line.toArray(new String[0]), ctx), "parsed by picocli: " + line);
        }
    }
}
