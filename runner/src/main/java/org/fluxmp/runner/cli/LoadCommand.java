package org.fluxmp.runner.cli;

import java.util.HashSet;
import java.util.List;
import org.fluxmp.boot.Context;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.rules.Unit;
import org.fluxmp.solver.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code load M...}: load modules and what they require, even modules disabled by config (SPEC 4.9). */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load modules and the modules they require.",
            "Loads MODULE(s) and their requirements that are not loaded yet, each after what it requires."})
final class LoadCommand extends RunningCommand {

    @Parameters(paramLabel = "MODULE", arity = "1..*", description = "Module to load")
    List<String> modules;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        return PlanRunner.runModules(ctx, "load", modules, run, factOptions, facts -> {
            ModprobeRules first = RulesOpener.open(ctx, facts, run.verbose).check();
            Decisions d0 = first.decide();
            List<String> needed = Planner.loadUnits(d0, modules, new HashSet<>(facts.loadedModules().keySet()));
            if (needed.isEmpty()) {
                ctx.err().println("flux-modprobe: All modules and dependencies are already loaded");
                return null;
            }
            // the modules to load become the selected alternatives of their services
            ModprobeRules rules = RulesOpener.open(ctx, facts, false).check();
            for (String n : needed) {
                Unit u = rules.table().unit(n).orElseThrow();
                for (String s : u.getProvides()) {
                    rules.setAlternative(s, n, "load " + String.join(" ", modules));
                }
            }
            return new PlanRunner.ModuleDecision.Units(rules, needed);
        });
    }
}
