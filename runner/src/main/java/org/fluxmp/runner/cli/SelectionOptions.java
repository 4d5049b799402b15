package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Context;
import org.fluxmp.rules.Selection;
import picocli.CommandLine.Option;

/** {@code -S/--set-alternative} and {@code -D/--disable}, as on the original's show and list-dependencies. */
public final class SelectionOptions {
    @Option(names = {"-S", "--set-alternative"}, paramLabel = "NAME=MODULE",
            description = "Set alternative for service NAME to module MODULE (repeatable).")
    List<String> alternatives = new ArrayList<>();

    @Option(names = {"-D", "--disable"}, paramLabel = "NAME",
            description = "Disable module or task NAME; a comma-separated list is accepted (repeatable).")
    List<String> disable = new ArrayList<>();

    /** -S, then FLUX_MODPROBE_DISABLE and -D, in the original's order. */
    public Selection selection(Context ctx) {
        List<Selection.Alternative> chosen = new ArrayList<>();
        for (String entry : alternatives) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw ToolException.usage("--set-alternative: invalid value '" + entry + "'");
            }
            chosen.add(new Selection.Alternative(entry.substring(0, eq), entry.substring(eq + 1), "--set-alternative " + entry));
        }
        return new Selection(chosen, disables(ctx, disable));
    }

    /** What a run applies: FLUX_MODPROBE_DISABLE alone (SPEC 4.2). */
    static Selection fromEnvironment(Context ctx) {
        return new Selection(List.of(), disables(ctx, List.of()));
    }

    /** FLUX_MODPROBE_DISABLE, then each of OPTIONS: comma lists of names. */
    private static List<Selection.Disable> disables(Context ctx, List<String> options) {
        List<Selection.Disable> out = new ArrayList<>();
        String env = ctx.env().get("FLUX_MODPROBE_DISABLE");
        if (env != null) {
            names(env, "FLUX_MODPROBE_DISABLE=" + env, out);
        }
        for (String opt : options) {
            names(opt, "--disable " + opt, out);
        }
        return out;
    }

    private static void names(String list, String why, List<Selection.Disable> out) {
        for (String n : list.split(",")) {
            if (!n.isBlank()) {
                out.add(new Selection.Disable(n.trim(), why));
            }
        }
    }
}
