package org.fluxmp.runner.cli;

import java.util.List;
import org.fluxmp.boot.Context;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.solver.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code remove M...}: remove modules and requirements nobody else needs, in reverse load order (SPEC 4.10). */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove modules and the requirements left unused.",
            "Removes MODULE(s) (or all) and the modules they required that no loaded module still needs."})
final class RemoveCommand extends RunningCommand {

    @Parameters(paramLabel = "MODULE", arity = "1..*", description = "Module to remove ('all' for every loaded module)")
    List<String> modules;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        return PlanRunner.runModules(ctx, "remove", modules, run, factOptions, facts -> {
            ModprobeRules first = RulesOpener.open(ctx, facts, run.verbose).check();
            Decisions d0 = first.decide();
            List<String> loaded = new java.util.ArrayList<>(facts.loadedModules().keySet());
            loaded.sort(null); // the broker lists modules in hash order; the plan must not depend on it
            List<String> targets = Planner.removeUnits(d0, modules, PlanRunner.loaded(d0, loaded));
            ModprobeRules rules = RulesOpener.open(ctx, facts, false).check();
            rules.removeModules(targets, "remove " + String.join(" ", modules));
            return new PlanRunner.ModuleDecision.Units(rules, targets);
        });
    }
}
