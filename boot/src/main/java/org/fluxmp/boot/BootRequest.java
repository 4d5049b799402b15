package org.fluxmp.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.files.StrictModes;
import org.fluxmp.boot.run.RunSettings;

/**
 * A command line the boot can serve from a cached plan: {@code rc1}, {@code rc3},
 * {@code run FILE}, {@code load M...} or {@code remove M...} with {@code -v}, {@code -n},
 * {@code -j W}, {@code --timing-file F},
 * {@code --timing} (rc1), {@code --no-strict} and {@code --broker} flux, flux-cli or sim. Anything else (another command,
 * a preview option, {@code --no-cache}, {@code --help}, a usage error, a sim FILE) is the
 * planner's: {@link #parse} returns null and the planner parses the line itself.
 *
 * @param command rc1, rc3, run, load or remove
 * @param source what rc1, rc3 or {@code run FILE|NAME} reads; null for load and remove
 * @param modules the modules of load and remove, else empty
 * @param broker the broker spec given by {@code --broker}, else null
 */
public record BootRequest(String command, RcSource source, List<String> modules, RunSettings settings, boolean storeTiming,
        String broker) {

    /** ARG as option and inline value: {@code --jobs=4} and {@code -j4} have one, other arguments a null value. */
    private static String[] option(String arg) {
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
            return new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
        }
        if (arg.startsWith("-j") && arg.length() > 2 && !arg.startsWith("--")) {
            return new String[] {"-j", arg.substring(2)};
        }
        return new String[] {arg, null};
    }

    /** The request ARGS make, or null if the planner must read them. */
    public static BootRequest parse(String[] args) {
        if (args.length == 0) {
            return null;
        }
        String command = args[0];
        boolean moduleCommand = command.equals("load") || command.equals("remove");
        if (!command.equals("rc1") && !command.equals("rc3") && !command.equals("run") && !moduleCommand) {
            return null;
        }
        List<String> modules = new ArrayList<>();
        boolean verbose = false;
        boolean dryRun = false;
        boolean storeTiming = false;
        Integer jobs = null;
        Path timingFile = null;
        String broker = null;
        RcSource source = moduleCommand || command.equals("run") ? null : RcSource.runlevel(command);
        for (int i = 1; i < args.length; i++) {
            String[] option = option(args[i]);
            String a = option[0];
            String value = option[1];
            boolean takesValue = a.equals("-j") || a.equals("--jobs") || a.equals("--timing-file") || a.equals("--broker");
            if (value != null && !takesValue) {
                return null; // --verbose=x and the like: picocli's to judge
            }
            if (a.equals("-v") || a.equals("--verbose")) {
                verbose = true;
            } else if (a.equals("-n") || a.equals("--dry-run") || a.equals("--dry")) {
                dryRun = true;
            } else if (a.equals(StrictModes.NO_STRICT)) {
                continue; // read before parsing, into the context (StrictModes.forArgs)
            } else if (a.equals("--timing") && command.equals("rc1")) {
                storeTiming = true;
            } else if (takesValue) {
                if (value == null && i + 1 >= args.length) {
                    return null;
                }
                value = value == null ? args[++i] : value;
                if (a.equals("--timing-file")) {
                    timingFile = Path.of(value);
                } else if (a.equals("--broker")) {
                    broker = value;
                } else if ((jobs = integer(value)) == null) {
                    return null;
                }
            } else if (command.equals("run") && source == null && !a.startsWith("-")) {
                source = RcSource.run(a);
            } else if (moduleCommand && !a.startsWith("-") && !a.startsWith("@")) {
                modules.add(a);
            } else {
                return null;
            }
        }
        if (command.equals("run") && (source == null || source.file() != null && !Files.isRegularFile(source.file()))
                || moduleCommand && modules.isEmpty()) {
            return null;
        }
        return new BootRequest(command, source, List.copyOf(modules), new RunSettings(verbose, dryRun, jobs, timingFile),
                storeTiming, broker);
    }

    private static Integer integer(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The broker spec in force: --broker, else FLUX_MODPROBE_BROKER, else flux with FLUX_URI, else
     * sim. Null if the boot cannot serve it (a sim FILE is TOML, read by the planner).
     */
    public String brokerSpec(Map<String, String> env) {
        String spec = broker;
        if (spec == null) {
            String e = env.get("FLUX_MODPROBE_BROKER");
            spec = e != null && !e.isEmpty() ? e : env.containsKey("FLUX_URI") ? "flux" : "sim";
        }
        return spec.equals("flux") || spec.equals("flux-cli") || spec.equals("sim") ? spec : null;
    }

    /** Whether this is load or remove: modules only, no rc file. */
    public boolean modulesOnly() {
        return !modules.isEmpty();
    }

    /** rc1, rc3, run:FILE|NAME, load:M..., remove:M...: the command's identity in the plan-cache key. */
    public String identity() {
        return modulesOnly() ? command + ":" + String.join(" ", modules) : source.identity();
    }

    /** What the run is called in summaries and duration history: rc1, rc3, load, remove, or run FILENAME|NAME. */
    public String what() {
        return modulesOnly() ? command : source.what();
    }
}
