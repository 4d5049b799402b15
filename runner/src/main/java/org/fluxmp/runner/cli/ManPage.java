package org.fluxmp.runner.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParentCommand;

/**
 * {@code generate-man}: the man page in roff, built from the same picocli annotations as
 * {@code --help}, so the two never disagree. {@code docs/flux-modprobe.1} is its output.
 */
@Command(name = "generate-man", hidden = true, mixinStandardHelpOptions = true,
        description = "Print the man page (roff) on stdout.")
final class ManPage implements Callable<Integer> {
    @ParentCommand FluxModprobe root;

    @Override
    public Integer call() {
        root.ctx.out().print(render(FluxModprobe.commandLine(root.ctx)));
        return FluxModprobe.OK;
    }

    static String render(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        CommandSpec spec = cl.getCommandSpec();
        sb.append(".TH FLUX-MODPROBE 1 \"\" \"flux-modprobe (JVM)\" \"User Commands\"\n");
        sb.append(".nh\n.ad l\n");   // no hyphenation, ragged right: names and paths stay whole
        sb.append(".SH NAME\nflux-modprobe \\- ").append(esc(String.join(" ", spec.usageMessage().description()))).append('\n');
        sb.append(".SH SYNOPSIS\n.B flux-modprobe\n.I COMMAND\n[\\fIOPTIONS\\fR]\n");
        commands(sb, cl);
        environment(sb);
        files(sb);
        exitStatus(sb, spec);
        sb.append(".SH SEE ALSO\nflux-modprobe(1) of flux-core, the original this tool replaces.\n");
        return sb.toString();
    }

    /** Each command that is not hidden: its name and parameters, its description and its options. */
    private static void commands(StringBuilder sb, CommandLine cl) {
        sb.append(".SH COMMANDS\n");
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (s.usageMessage().hidden()) {
                continue;
            }
            sb.append(".SS ").append(esc(s.name()));
            for (PositionalParamSpec p : s.positionalParameters()) {
                sb.append(' ').append(esc(p.paramLabel())).append(p.arity().max() > 1 ? "..." : "");
            }
            sb.append('\n');
            String[] paragraphs = s.usageMessage().description();
            for (int i = 0; i < paragraphs.length; i++) {
                sb.append(i == 0 ? "" : ".PP\n").append(esc(paragraphs[i])).append('\n');
            }
            List<OptionSpec> options = s.options();
            for (OptionSpec o : options) {
                if (o.hidden()) {
                    continue;
                }
                sb.append(".TP\n\\fB").append(esc(String.join(", ", o.names()))).append("\\fR");
                if (o.arity().max() > 0) {
                    sb.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
                }
                sb.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
            }
        }
    }

    /** The variables the tool reads, and those a task body gets. */
    private static void environment(StringBuilder sb) {
        sb.append(".SH ENVIRONMENT\n");
        tagged(sb, "FLUX_MODPROBE_PATH", "Colon-separated drop-in directories; replaces both defaults: "
                + "/usr/share/flux/modprobe:/etc/flux/modprobe for modprobe.d, "
                + "/usr/libexec/flux/modprobe:/etc/flux/modprobe for rc1.d, rc3.d and NAME.d.");
        tagged(sb, "FLUX_MODPROBE_PATH_APPEND", "Directories added after the search path.");
        tagged(sb, "FLUX_MODPROBE_DISABLE", "Comma-separated modules or tasks to disable.");
        tagged(sb, "FLUX_MODPROBE_BROKER", "flux, flux-cli, sim or sim:FILE: stands in for --broker.");
        tagged(sb, "FLUX_URI", "The broker to talk to (set by Flux for rc1 and rc3): local://PATH is reached over its socket, "
                + "any other URI through the flux command. Makes --broker=flux the default.");
        tagged(sb, "FLUX_MODPROBE_RPC_TIMEOUT", "Seconds each request to the broker may take (default 60).");
        tagged(sb, "FLUX_MODPROBE_CACHE", "Directory of cached plans and of measured task durations (durations/); "
                + "default $XDG_CACHE_HOME/flux-modprobe, else ~/.cache/flux-modprobe.");
        tagged(sb, "XDG_CACHE_HOME", "Where the per-user caches go (default ~/.cache): plans, durations, and the "
                + "class-data archives of an installed tree this user cannot write.");
        tagged(sb, "FLUX_MODPROBE_PYTHON", "The Python that reads and runs Python drop-ins (rcN.d/*.py), a command such as "
                + "/usr/bin/python3 or flux python; default: flux python when flux is on PATH, else python3.");
        tagged(sb, "FLUX_MODPROBE_STOP_GRACE", "How long running tasks may finish after SIGTERM or SIGINT before they are "
                + "stopped (e.g. 5s, the default, or 500ms).");
        tagged(sb, "FLUX_MODPROBE_READY_ORDER", "priority (default) or first-come: the order in which ready tasks start.");
        tagged(sb, "FLUX_RC_EXTRA", "Colon-separated directories whose rc1.d/rc3.d scripts run-all-rc1/rc3 also run "
                + "(after those of FLUX_CONFDIR, default /etc/flux).");
        tagged(sb, "JDK_JAVA_OPTIONS", "Extra JVM options for the launcher.");
        sb.append(".SH TASK ENVIRONMENT\n");
        sb.append(esc("A run body (bash -c) and a setup run step get the tool's environment and:")).append('\n');
        tagged(sb, "FLUX_RC_USE_MODPROBE", "t, in rc1 and rc3 (as the original exports it), so that scripts can tell "
                + "that flux-modprobe runs them.");
        tagged(sb, "FLUX_MODPROBE_RANK, FLUX_MODPROBE_TASK", "The broker's rank and the task's name (setup for a setup step).");
        tagged(sb, "FLUX_MODPROBE_OUTPUT", "A file to append directive lines to, applied when the body exits 0: "
                + "set KEY=VALUE, setopt MODULE ARG..., setopt-overwrite MODULE ARG..., setenv NAME=VALUE, unsetenv NAME "
                + "(a setup step also load, remove, alternative, enable, disable).");
        tagged(sb, "FLUX_MODPROBE_DATA_KEY", "What an earlier task set with set KEY=VALUE (KEY upper-cased, - and . as _).");
        sb.append(".PP\n").append(esc("A variable that the task's needs-env or a setup ${env:NAME} named, and that the tool's own "
                + "environment lacks, comes from the broker's environment, as the original's context.getenv falls back "
                + "to the broker (a broker started by Slurm does not pass SLURM_* to rc1). A body killed by signal N "
                + "fails with bash: died by signal N (statuses 129 to 192 count as signals).")).append('\n');
    }

    /** The configuration, the command and the launcher's files. */
    private static void files(StringBuilder sb) {
        sb.append(".SH FILES\n");
        tagged(sb, "PREFIX/etc/flux/modprobe/", "The built-in modprobe.toml, rc1.toml and rc3.toml, always read first "
                + "(PREFIX is the directory above the bin/ of the flux-modprobe that runs).");
        tagged(sb, "/usr/share/flux/modprobe/, /etc/flux/modprobe/", "Drop-ins: modprobe.d/*.toml; rc1.d/*.toml and "
                + "rc3.d/*.toml from /usr/libexec/flux/modprobe/ and /etc/flux/modprobe/ (FLUX_MODPROBE_PATH replaces them).");
        tagged(sb, "PREFIX/libexec/flux/cmd/flux-modprobe", "What flux runs for flux modprobe when FLUX_EXEC_PATH_PREPEND "
                + "names PREFIX/libexec/flux/cmd.");
        tagged(sb, "PREFIX/lib/flux-modprobe/flux-modprobe.launch", "The launcher's record of the JDK and the two class-data "
                + "archives trained on first use, next to them; for a tree this user cannot write, "
                + "$XDG_CACHE_HOME/flux-modprobe/jvm/TREE/ (TREE: the path of bin/ with / as %).");
    }

    /** The exit statuses, from the help's footer. */
    private static void exitStatus(StringBuilder sb, CommandSpec spec) {
        sb.append(".SH EXIT STATUS\n");
        for (String line : spec.usageMessage().footer()) {
            java.util.regex.Matcher status = EXIT_STATUS.matcher(line);
            sb.append(status.matches() ? ".TP\n\\fB" + esc(status.group(1)) + "\\fR\n" + esc(status.group(2)) : esc(line.trim()))
                    .append('\n');
        }
    }

    /** A footer line that starts an exit status ("  130, 143  stopped by ..."), else a continuation. */
    private static final java.util.regex.Pattern EXIT_STATUS = java.util.regex.Pattern.compile("\\s*(\\d[\\d, ]*?)\\s{2,}(.*)");

    /** A tagged paragraph: NAME in bold, then TEXT (an environment variable, a file). */
    private static void tagged(StringBuilder sb, String name, String text) {
        sb.append(".TP\n\\fB").append(esc(name)).append("\\fR\n").append(esc(text)).append('\n');
    }

    private static String esc(String s) {
        String out = s.replace("\\", "\\\\").replace("-", "\\-");
        return out.startsWith(".") || out.startsWith("'") ? "\\&" + out : out;
    }
}
