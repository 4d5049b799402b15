package org.fluxmp.runner.cli;

import java.util.concurrent.Callable;
import org.fluxmp.solver.Planner;
import org.fluxmp.solver.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code rc3}: shut a broker down: remove every loaded module and run rc3 tasks (SPEC 4.8). */
@Command(name = "rc3", mixinStandardHelpOptions = true,
        description = "Remove all loaded modules and run shutdown tasks (rc3.toml and rc3.d/*.toml on the search path).")
final class Rc3Command implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin RunOptions run;
    @Mixin FactOptions factOptions;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        RunReader.Run r = RunReader.read(ctx, factOptions, factOptions.facts(ctx), "rc3", ctx.out(), run.verbose);
        Plan plan = Planner.plan(r.rules(), r.decisions(), r.units(), run.workers());
        return PlanRunner.execute(ctx, plan, r.sim(), run, r.extraEnv(), null);
    }
}
