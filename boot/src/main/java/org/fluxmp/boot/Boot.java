package org.fluxmp.boot;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.cache.PlanCacheFlow;
import org.fluxmp.boot.files.StrictModes;
import org.fluxmp.boot.flux.FluxConnection;
import org.fluxmp.boot.run.RunTiming;
import org.fluxmp.boot.run.StopSignals;

/**
 * The command users type. rc1, rc3 and run FILE are served here from a compiled plan when one
 * holds; everything else, and a miss, is handed to the planner ({@code org.fluxmp.runner.Main},
 * with picocli, the rules and the solver), loaded only then, in the same process.
 */
public final class Boot {
    /** The planner's entry point, loaded by name: the boot module cannot see it at compile time. */
    static final String PLANNER = "org.fluxmp.runner.Main";

    private Boot() {}

    public static void main(String[] args) {
        RunTiming.startClock(System.nanoTime());
        StopSignals.install();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        int rc = run(args, out, System.err, System.getenv(), home());
        out.flush();
        System.err.flush();
        FluxConnection.closeAll();
        if (rc == ExitCode.OK && !planned) {
            // the boot's threads are daemons: returning ends the JVM with status 0, without
            // System.exit's logging machinery (some eighty classes loaded to log nothing)
            return;
        }
        System.exit(rc);
    }

    /** Whether the planner ran in this process (its libraries may leave threads that only System.exit ends). */
    private static volatile boolean planned;

    /** Streams, environment and home are passed in, so that tests run the whole tool in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Path home) {
        BootRequest r = BootRequest.parse(args);
        String spec = r == null ? null : r.brokerSpec(env);
        if (spec != null) {
            try {
                int rc = CachedBoot.serve(r, spec, new Context(out, err, env, home, StrictModes.forArgs(args)));
                if (rc != CachedBoot.MISS) {
                    return rc;
                }
            } catch (RuntimeException e) {
                return ErrorReport.print(err, e);
            }
        }
        try {
            return plan(args, out, err, env, home);
        } finally {
            PlanCacheFlow.forgetMisses();
        }
    }

    /** The planner's entry point, as the planner registers it when its class is initialized. */
    public interface Planner {
        int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Path home);
    }

    private static volatile Planner planner;

    /** Called by the planner's entry class as it is initialized. */
    public static void register(Planner p) {
        planner = p;
    }

    /**
     * Hands the command line to the planner. Its class is loaded by name (the boot module cannot
     * see it) and registers itself: a plain interface call, no reflective invocation (which spins
     * method-handle classes at run time).
     */
    static int plan(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Path home) {
        planned = true;
        try {
            Class.forName(PLANNER);
        } catch (ClassNotFoundException | LinkageError e) {
            return ErrorReport.print(err, ErrorKind.OTHER, List.of(Problem.of("the planner is not installed (" + e + ")")));
        }
        Planner p = planner;
        if (p == null) {
            return ErrorReport.print(err, ErrorKind.OTHER, List.of(Problem.of("the planner did not register itself")));
        }
        return p.run(args, out, err, env, home);
    }

    /**
     * The installed tree holding the built-in configuration ({@link Context#builtinDir(Path)}):
     * -Dfluxmp.home (the launcher sets it), else found from the jar's location (runner/target or lib/).
     */
    public static Path home() {
        String prop = System.getProperty("fluxmp.home");
        if (prop != null) {
            return Path.of(prop);
        }
        try {
            Path p = Path.of(Boot.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path d = p.getParent(); d != null; d = d.getParent()) {
                if (Files.isDirectory(Context.builtinDir(d))) {
                    return d;
                }
            }
        } catch (Exception e) {
            // fall through to the working directory
        }
        return Path.of(".");
    }
}
