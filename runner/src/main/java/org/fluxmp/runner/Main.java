package org.fluxmp.runner;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fluxmp.runner.cli.Context;
import org.fluxmp.runner.cli.FluxModprobe;

/**
 * The command users type. Streams, environment and home are passed in so that the whole CLI runs
 * in-process in tests.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        org.fluxmp.runner.cli.StopSignals.install();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                java.nio.charset.StandardCharsets.UTF_8);
        int rc = run(args, out, System.err, System.getenv(), home());
        out.flush();
        System.exit(rc);
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Path home) {
        return FluxModprobe.execute(args, new Context(out, err, env, home));
    }

    /**
     * The installed tree holding etc/modprobe: -Dfluxmp.home (the launcher sets it), else found
     * from the jar's location (runner/target or lib/).
     */
    static Path home() {
        String prop = System.getProperty("fluxmp.home");
        if (prop != null) {
            return Path.of(prop);
        }
        try {
            Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path d = p.getParent(); d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("etc").resolve("modprobe"))) {
                    return d;
                }
            }
        } catch (Exception e) {
            // fall through to the working directory
        }
        return Path.of(".");
    }
}
