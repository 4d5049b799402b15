package org.fluxmp.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.fluxmp.boot.Boot;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.files.StrictModes;
import org.fluxmp.runner.cli.FluxModprobe;

/**
 * The planner's entry point: every command, parsed by picocli. The process starts in
 * {@link Boot}, which serves rc1, rc3 and run from a cached plan and hands everything else here.
 * Streams, environment and home are passed in so that the whole CLI runs in-process in tests.
 */
public final class Main {
    static {
        Boot.register(Main::run);
    }

    private Main() {}

    public static void main(String[] args) {
        Boot.main(args);
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Path home) {
        return FluxModprobe.execute(args, new Context(out, err, env, home, StrictModes.forArgs(args)));
    }

    /** The installed tree holding the built-in configuration (see {@link Boot#home}). */
    static Path home() {
        return Boot.home();
    }
}
