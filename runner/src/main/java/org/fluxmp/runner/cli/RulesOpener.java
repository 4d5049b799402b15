package org.fluxmp.runner.cli;

import java.util.function.Consumer;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.rules.PythonBridge;

/** Opens the module configuration for a command: search path from the environment, facts from options. */
final class RulesOpener {
    private RulesOpener() {}

    static ModprobeRules open(Context ctx, Facts facts, boolean verbose) {
        Consumer<String> v = verbose ? ctx.err()::println : s -> { };
        SearchPath path = SearchPath.fromEnvironment(ctx.builtinDir(), ctx.env());
        return ModprobeRules.open(path, facts, v, ctx.strict(), PythonBridge.of(ctx.home(), ctx.env()));
    }
}
