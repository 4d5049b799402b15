package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Context;
import org.fluxmp.rules.ModprobeRules;
import picocli.CommandLine.Option;

/** {@code -S/--set-alternative} and {@code -D/--disable}, as on the original's show and list-dependencies. */
public final class SelectionOptions {
    @Option(names = {"-S", "--set-alternative"}, paramLabel = "NAME=MODULE",
            description = "Set alternative for service NAME to module MODULE (repeatable).")
    List<String> alternatives = new ArrayList<>();

    @Option(names = {"-D", "--disable"}, paramLabel = "NAME",
            description = "Disable module or task NAME; a comma-separated list is accepted (repeatable).")
    List<String> disable = new ArrayList<>();

    /** Applies -S, then FLUX_MODPROBE_DISABLE and -D, in the original's order. */
    public void apply(ModprobeRules rules, Context ctx) {
        for (String entry : alternatives) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw ConfigException.usage("--set-alternative: invalid value '" + entry + "'");
            }
            rules.setAlternative(entry.substring(0, eq), entry.substring(eq + 1), "--set-alternative " + entry);
        }
        DisableRequests.apply(rules, ctx, disable);
    }
}
