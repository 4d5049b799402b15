package org.fluxmp.runner.cli;

import org.fluxmp.boot.Context;

import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: subcommands, and exit codes mapped in one place. */
@Command(name = "flux-modprobe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Task and module load/unload management for Flux.",
        subcommands = {
            LoadCommand.class,
            RemoveCommand.class,
            RunCommand.class,
            Rc1Command.class,
            Rc3Command.class,
            ListDependenciesCommand.class,
            ShowCommand.class,
            ExplainCommand.class,
            VerifyCommand.class,
            CompileCommand.class,
            PlotCommand.class,
            SolveCommand.class,
            GraphCommand.class,
            ManPage.class,
            CompletionScript.class
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  success",
            "  1  an error: bad configuration, an unknown name, a failed task (message on stderr)",
            "  2  a usage error: unknown option or missing argument",
            "  130, 143  stopped by SIGINT, SIGTERM: nothing new started; running tasks got",
            "     FLUX_MODPROBE_STOP_GRACE (default 5s) to finish, then were stopped"
        })
public final class FluxModprobe {
    public static final int OK = org.fluxmp.boot.ExitCode.OK;
    public static final int ERROR = org.fluxmp.boot.ExitCode.ERROR;
    public static final int USAGE = org.fluxmp.boot.ExitCode.USAGE;

    final Context ctx;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show a Java stack trace with errors (for bug reports).")
    boolean debug;

    FluxModprobe(Context ctx) {
        this.ctx = ctx;
    }

    public static CommandLine commandLine(Context ctx) {
        FluxModprobe root = new FluxModprobe(ctx);
        CommandLine cl = new CommandLine(root);
        cl.setOut(new java.io.PrintWriter(ctx.out(), true));
        cl.setErr(new java.io.PrintWriter(ctx.err(), true));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (root.debug) {
                ex.printStackTrace(ctx.err());
            }
            return report(ctx, ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ctx.err().println("flux-modprobe: ERROR: " + ex.getMessage());
            ex.getCommandLine().usage(ctx.err(), CommandLine.Help.Ansi.OFF);
            return USAGE;
        });
        return cl;
    }

    public static int execute(String[] args, Context ctx) {
        return commandLine(ctx).execute(args);
    }

    /** Bad input and failures become {@code flux-modprobe: ERROR: ...} lines and exit 1, never a trace. */
    static int report(Context ctx, Exception ex) {
        return org.fluxmp.boot.ErrorReport.print(ctx.err(), ex);
    }
}
