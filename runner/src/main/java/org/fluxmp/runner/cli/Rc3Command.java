package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.StaticFacts;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.runner.broker.SimBrokerFile;
import org.fluxmp.runner.task.BashSetupSteps;
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
        PlanRunner.Timing timing = run.timing(false);
        Prepared p = prepare(root.ctx);
        if (timing != null) {
            timing.phase("configure");
        }
        return PlanRunner.execute(root.ctx, p.plan(), p.sim(), run, p.extraEnv(), timing, p.job());
    }

    /** An rc3 plan and what running it needs (apart, so that tests can run one plan many times). */
    record Prepared(Plan plan, SimBrokerFile sim, Map<String, String> extraEnv, PlanRunner.Job job) {}

    Prepared prepare(Context ctx) {
        SimBrokerFile sim = factOptions.simFile(ctx);
        StaticFacts facts = factOptions.facts(ctx);
        Map<String, String> extraEnv = new java.util.LinkedHashMap<>(factOptions.taskEnv(ctx, facts));
        extraEnv.put("FLUX_RC_USE_MODPROBE", "t");
        ModprobeRules rules = RulesOpener.open(ctx, facts, run.verbose).check();
        List<String> loaded = new ArrayList<>();
        for (String m : sim.loadedModules()) {
            if (rules.table().unit(m).isPresent()) {
                loaded.add(m);
            }
        }
        // rc3 always removes every loaded module it knows, before rc3's own setup
        rules.removeModules(loaded, "loaded module (rc3 removes every loaded module)");
        Map<String, String> env = new java.util.LinkedHashMap<>(ctx.env());
        env.putAll(extraEnv);
        rules.readRunlevel("rc3", new BashSetupSteps(env, facts.rank(), ctx.out()));
        rules.check();
        DisableRequests.apply(rules, ctx, List.of());
        Decisions d = rules.decide();
        PlanRunner.Job job = new PlanRunner.Job("rc3", factOptions.brokerSpec(ctx), PlanRunner.rcDirs(ctx, "rc3"),
                facts::attr);
        Plan plan = PlanRunner.planWithMeasuredDurations(ctx, job, rules, d, Planner.rc3Units(d), run.workers());
        return new Prepared(plan, sim, extraEnv, job);
    }
}
