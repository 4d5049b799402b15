package org.fluxmp.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fluxmp.rules.ConfigException;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.StaticFacts;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.runner.broker.SimBrokerFile;
import org.fluxmp.runner.task.BashSetupSteps;
import org.fluxmp.solver.Planner;
import org.fluxmp.solver.plan.Plan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** What run FILE and rc1 share: read rc files, decide, plan, then show, dry-run or run. */
abstract class TaskCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin RunOptions run;
    @Mixin FactOptions factOptions;

    @Option(names = "--show-deps", description = "Display dictionary of tasks to predecessor list and exit")
    boolean showDeps;

    /** Reads RUNLEVEL's files (rc1), or FILE alone; TIMING for rc1 --timing. */
    int runTasks(String runlevel, Path file, PlanRunner.Timing timing) {
        Context ctx = root.ctx;
        SimBrokerFile sim = factOptions.simFile(ctx);
        StaticFacts facts = factOptions.facts(ctx);
        Map<String, String> extraEnv = new java.util.LinkedHashMap<>(factOptions.taskEnv(ctx, facts));
        if (runlevel != null) {
            extraEnv.put("FLUX_RC_USE_MODPROBE", "t");
        }
        ModprobeRules rules = RulesOpener.open(ctx, facts, run.verbose).check();
        BashSetupSteps steps = new BashSetupSteps(merged(ctx, extraEnv), facts.rank(), ctx.out());
        if (runlevel != null) {
            rules.readRunlevel(runlevel, steps);
        } else {
            rules.readRcFile(file, steps);
        }
        rules.check();
        rules.removals().ifPresent(r -> rules.removeModules(
                r.contains("all") ? sim.loadedModules() : r, "setup remove"));
        DisableRequests.apply(rules, ctx, java.util.List.of());
        Decisions d = rules.decide();
        if (timing != null) {
            timing.phase("configure");
        }
        Collection<String> units = Planner.runUnits(d);
        if (showDeps) {
            return PlanRunner.showDeps(ctx, d, units);
        }
        String what = runlevel != null ? runlevel : "run " + file.getFileName();
        List<Path> taskDirs = runlevel != null ? PlanRunner.rcDirs(ctx, runlevel)
                : List.of(file.toAbsolutePath().getParent());
        PlanRunner.Job job = new PlanRunner.Job(what, factOptions.brokerSpec(ctx), taskDirs, facts::attr);
        Plan plan = PlanRunner.planWithMeasuredDurations(ctx, job, rules, d, units, run.workers());
        if (timing != null) {
            timing.phase("solve");
        }
        return PlanRunner.execute(ctx, plan, sim, run, extraEnv, timing, job);
    }

    private static Map<String, String> merged(Context ctx, Map<String, String> extra) {
        Map<String, String> env = new java.util.LinkedHashMap<>(ctx.env());
        env.putAll(extra);
        return env;
    }
}
