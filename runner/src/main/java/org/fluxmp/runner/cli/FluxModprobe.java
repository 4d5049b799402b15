package org.fluxmp.runner.cli;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.rules.ConfigSource;
import org.fluxmp.rules.PythonBridge;
import org.fluxmp.boot.ErrorKind;
import org.fluxmp.boot.ErrorReport;
import org.fluxmp.boot.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The root command: subcommands, and the handlers that report every error through {@link ErrorReport}
 * (its exit status is its {@link ErrorKind}'s).
 *
 * <p>The subcommands are not declared in the annotation but kept in {@link #SUBCOMMANDS}: building
 * picocli's model of a command costs reflection and class loading, so a run builds only the
 * subcommand it invokes ({@link #commandLineFor}); the root's own help, usage errors and the
 * generators of the man page and completion get the whole tree ({@link #commandLine}).
 */
@Command(name = "flux-modprobe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Task and module load/unload management for Flux.",
        footerHeading = "%nExit status:%n",
        footer = {
            "  0         success",
            "  1         an error: bad configuration, an unknown name, a failed task",
            "            (the message is on stderr)",
            "  2         a usage error: unknown option or missing argument",
            "  130, 143  stopped by SIGINT, SIGTERM: nothing new started; running tasks got",
            "            FLUX_MODPROBE_STOP_GRACE (default 5s) to finish, then were stopped"
        })
public final class FluxModprobe {
    public static final int OK = org.fluxmp.boot.ExitCode.OK;

    final Context ctx;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show a Java stack trace with errors (for bug reports).")
    boolean debug;

    /** Read before any parsing, by {@link org.fluxmp.boot.files.StrictModes#forArgs}, into the context; declared here for help and parsing. */
    @Option(names = org.fluxmp.boot.files.StrictModes.NO_STRICT, scope = CommandLine.ScopeType.INHERIT,
            description = "When running as root, read config files, rc files and task jars even if they or a "
                    + "directory above them are writable by group or others or owned by another user.")
    boolean noStrict;

    FluxModprobe(Context ctx) {
        this.ctx = ctx;
    }

    /** Where the rules read the configuration in this context; VERBOSE: say on stderr what is looked at ({@code -v}). */
    ConfigSource config(boolean verbose) {
        java.util.function.Consumer<String> v = verbose ? ctx.err()::println : s -> { };
        return new ConfigSource(SearchPath.fromEnvironment(ctx.builtinDir(), ctx.env()), v, ctx.strict(),
                PythonBridge.of(ctx.home(), ctx.env()));
    }

    /** The subcommands by name, in the order the root's help lists them. */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("load", LoadCommand.class);
        m.put("remove", RemoveCommand.class);
        m.put("run", RunCommand.class);
        m.put("rc1", Rc1Command.class);
        m.put("rc3", Rc3Command.class);
        m.put("list-dependencies", ListDependenciesCommand.class);
        m.put("show", ShowCommand.class);
        m.put("explain", ExplainCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("compile", CompileCommand.class);
        m.put("plot", PlotCommand.class);
        m.put("solve", SolveCommand.class);
        m.put("graph", GraphCommand.class);
        m.put("generate-man", ManPage.class);
        m.put("generate-completion", CompletionScript.class);
        return Collections.unmodifiableMap(m);
    }

    /** The root's options that may come before a subcommand without needing the root's help. */
    private static final Set<String> PLAIN_ROOT_OPTIONS = Set.of("--debug");

    /** The whole command tree, every subcommand included (help, man page, completion). */
    public static CommandLine commandLine(Context ctx) {
        return commandLine(ctx, SUBCOMMANDS.keySet());
    }

    /**
     * The command line that runs {@code args}: the root with only the subcommand they invoke, or
     * the whole tree when the root itself may have to print its help, version or usage (no
     * subcommand, an unknown one, a root option other than {@code --debug} before it).
     */
    static CommandLine commandLineFor(String[] args, Context ctx) {
        String name = invokedSubcommand(args);
        return name == null ? commandLine(ctx) : commandLine(ctx, List.of(name));
    }

    /** The subcommand {@code args} invoke if only it can be involved in parsing them, else null. */
    static String invokedSubcommand(String[] args) {
        boolean debug = false;
        for (String arg : args) {
            if (PLAIN_ROOT_OPTIONS.contains(arg) && !debug) {
                debug = true;   // a second --debug is the root's usage error
                continue;
            }
            return SUBCOMMANDS.containsKey(arg) ? arg : null;
        }
        return null;
    }

    private static CommandLine commandLine(Context ctx, Collection<String> subcommands) {
        FluxModprobe root = new FluxModprobe(ctx);
        CommandLine cl = new CommandLine(root);
        for (String name : subcommands) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name));
        }
        cl.setOut(new java.io.PrintWriter(ctx.out(), true));
        cl.setErr(new java.io.PrintWriter(ctx.err(), true));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (root.debug) {
                ex.printStackTrace(ctx.err());
            }
            return report(ctx, ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            int status = ErrorReport.print(ctx.err(), ErrorKind.COMMAND_LINE, List.of(Problem.of(ex.getMessage())));
            ex.getCommandLine().usage(ctx.err(), CommandLine.Help.Ansi.OFF);
            return status;
        });
        return cl;
    }

    /** Runs ARGS: bound directly when they need no parser ({@link DirectCommands}), else by picocli. */
    public static int execute(String[] args, Context ctx) {
        try {
            java.util.concurrent.Callable<Integer> direct = DirectCommands.of(args, ctx);
            return direct != null ? DirectCommands.execute(direct, ctx) : parseAndExecute(args, ctx);
        } finally {
            org.fluxmp.boot.cache.PlanCacheFlow.forgetMisses();
        }
    }

    /** Runs ARGS through picocli, whatever they are. */
    static int parseAndExecute(String[] args, Context ctx) {
        return commandLineFor(args, ctx).execute(args);
    }

    /** Bad input and failures become {@code flux-modprobe: ERROR: ...} lines and their kind's exit status, never a trace. */
    static int report(Context ctx, Exception ex) {
        return ErrorReport.print(ctx.err(), ex);
    }
}
