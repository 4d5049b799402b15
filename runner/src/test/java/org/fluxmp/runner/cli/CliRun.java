package org.fluxmp.runner.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.Boot;

/** One in-process run of the CLI: what it printed and how it exited. */
record CliRun(String out, String err, int exit) {

    /** The tool's home (the repository root): system property fluxmp.home, set by the surefire config. */
    static Path home() {
        String prop = System.getProperty("fluxmp.home");
        Path p = prop != null ? Path.of(prop) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    /** Runs the tool as a process would ({@code Boot.run}: the boot, then the planner on a miss) with exactly {@code env} as the environment. */
    static CliRun run(List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = Boot.run(args.toArray(new String[0]), o, e, isolated(env), home());
        }
        return new CliRun(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), rc);
    }

    /**
     * ENV with a private, empty FLUX_MODPROBE_CACHE unless it names one: cached plans and measured
     * durations of other runs on this machine must not change what a test sees.
     */
    static Map<String, String> isolated(Map<String, String> env) {
        if (env.containsKey("FLUX_MODPROBE_CACHE")) {
            return Map.copyOf(env);
        }
        java.util.Map<String, String> out = new java.util.HashMap<>(env);
        try {
            Path dir = java.nio.file.Files.createTempDirectory("flux-modprobe-test-cache");
            dir.toFile().deleteOnExit();
            out.put("FLUX_MODPROBE_CACHE", dir.toString());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return Map.copyOf(out);
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(List.of(args), env);
    }

    /** A readable dump for assertion messages. */
    String describe() {
        return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
