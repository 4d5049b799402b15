package org.fluxmp.boot;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.flux.TrainingBroker;

/**
 * The training runs behind the launcher's two class-data archives, each a list of commands run
 * in-process on the built-in configuration in a scratch directory (nothing of the caller's
 * configuration, plan cache or broker is touched):
 *
 * <ul>
 *   <li>{@code boot DIR}: rc1, rc3 and a run file, on the simulated broker and over the local
 *       connector to a stand-in broker ({@link TrainingBroker}), twice: planned (a miss) and then
 *       from the cached plans (a hit). The launcher makes this archive without AOT linking, so it
 *       is mapped lazily: a hit loads only the boot's classes from it, a miss finds the planner's;
 *   <li>{@code planner DIR}: the commands an admin types: show, explain, list-dependencies, verify,
 *       solve, graph, a cache-miss rc1 and rc3, --help (AOT-linked: all of them are loaded at start).
 * </ul>
 */
public final class ArchiveTraining {
    private ArchiveTraining() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ArchiveTraining boot|planner DIR");
            System.exit(ErrorKind.COMMAND_LINE.status());
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(dir.resolve("config"));
        Path rcFile = dir.resolve("train.toml");
        Files.writeString(rcFile, "[setup]\nload = [\"heartbeat\"]\n\n[[task]]\nname = \"train-rpc\"\n"
                + "rpc = \"training.ping\"\n\n[[task]]\nname = \"train-run\"\nrun = \"true\"\n");
        Map<String, String> env = env(dir);
        String timing = dir.resolve("timing.json").toString();
        String run = rcFile.toString();
        List<List<String>> commands;
        List<List<String>> overSocket = List.of();
        switch (args[0]) {
            case "boot":
                // the simulated broker, then the local connector (the stand-in broker below)
                commands = List.of(
                        List.of("rc1", "--dry-run"),
                        List.of("rc3", "--dry-run"),
                        List.of("rc1", "--timing-file", timing),
                        List.of("rc3", "-v"),
                        List.of("run", run),
                        List.of("load", "--dry-run", "heartbeat"));
                overSocket = List.of(
                        List.of("rc1", "--dry-run"),
                        List.of("rc3", "--dry-run"),
                        List.of("run", run, "--timing-file", timing));
                break;
            case "planner":
                commands = PLANNER_COMMANDS;
                break;
            default:
                System.err.println("ArchiveTraining: unknown training '" + args[0] + "'");
                System.exit(ErrorKind.COMMAND_LINE.status());
                return;
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Path home = Boot.home();
        // boot: the first round plans (misses), the second boots from the plans (hits)
        int rounds = args[0].equals("boot") ? 2 : 1;
        for (int round = 0; round < rounds; round++) {
            runAll(commands, env, quiet, home);
            if (!overSocket.isEmpty()) {
                try (TrainingBroker broker = new TrainingBroker(dir.resolve("broker.sock"))) {
                    Map<String, String> instance = new HashMap<>(env);
                    instance.put("FLUX_URI", broker.uri());
                    runAll(overSocket, instance, quiet, home);
                }
            }
        }
        quiet.flush();
        if (args[0].equals("planner")) {
            System.exit(0); // the planner's libraries may leave threads behind
        }
        // the boot's threads are daemons: returning keeps System.exit's classes out of the boot archive
    }

    /** The commands an admin types, for the planner's archive. */
    private static final List<List<String>> PLANNER_COMMANDS = List.of(
            List.of("show", "sched"),
            List.of("explain", "sched"),
            List.of("explain", "fsck", "--rank", "1"),
            List.of("list-dependencies", "sched"),
            List.of("verify"),
            List.of("solve"),
            List.of("solve", "--ranks", "0-3", "--json"),
            List.of("graph", "rc1"),
            List.of("rc1", "--dry-run", "--no-cache"),
            List.of("rc3", "--dry-run", "--no-cache"),
            List.of("load", "--dry-run", "sched-simple"),
            List.of("--help"),
            List.of("show", "--help"));

    /** The environment of the training commands: the caller's basics, and configuration and cache under DIR. */
    private static Map<String, String> env(Path dir) {
        Map<String, String> env = new HashMap<>();
        for (String keep : new String[] {"PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "LANG"}) {
            String v = System.getenv(keep);
            if (v != null) {
                env.put(keep, v);
            }
        }
        env.put("FLUX_MODPROBE_PATH", dir.resolve("config").toString());
        env.put("FLUX_MODPROBE_CACHE", dir.resolve("cache").toString());
        return env;
    }

    private static void runAll(List<List<String>> commands, Map<String, String> env, PrintStream quiet, Path home) {
        for (List<String> c : commands) {
            Boot.run(c.toArray(new String[0]), quiet, quiet, env, home);
        }
    }
}
