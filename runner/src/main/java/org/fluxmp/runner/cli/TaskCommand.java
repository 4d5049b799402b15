package org.fluxmp.runner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        RunReader.Run r = RunReader.read(ctx, factOptions, factOptions.facts(ctx),
                runlevel != null ? runlevel : file.toString(), ctx.out(), run.verbose);
        if (timing != null) {
            timing.phase("configure");
        }
        if (showDeps) {
            return PlanRunner.showDeps(ctx, r.decisions(), r.units());
        }
        Plan plan = Planner.plan(r.rules(), r.decisions(), r.units(), run.workers());
        if (timing != null) {
            timing.phase("solve");
        }
        return PlanRunner.execute(ctx, plan, r.sim(), run, r.extraEnv(), timing);
    }
}
