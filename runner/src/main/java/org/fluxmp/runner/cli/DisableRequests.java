package org.fluxmp.runner.cli;

import java.util.List;
import org.fluxmp.boot.Context;
import org.fluxmp.rules.ModprobeRules;

/** FLUX_MODPROBE_DISABLE and --disable: comma lists of names to disable (SPEC 4.2). */
final class DisableRequests {
    private DisableRequests() {}

    static void apply(ModprobeRules rules, Context ctx, List<String> options) {
        String env = ctx.env().get("FLUX_MODPROBE_DISABLE");
        if (env != null) {
            for (String n : env.split(",")) {
                if (!n.isBlank()) {
                    rules.disable(n.trim(), "FLUX_MODPROBE_DISABLE=" + env);
                }
            }
        }
        for (String opt : options) {
            for (String n : opt.split(",")) {
                if (!n.isBlank()) {
                    rules.disable(n.trim(), "--disable " + opt);
                }
            }
        }
    }
}
