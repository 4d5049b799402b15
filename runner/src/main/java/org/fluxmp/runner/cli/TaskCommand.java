package org.fluxmp.runner.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.broker.BrokerChoice;
import org.fluxmp.boot.cache.CacheEntry;
import org.fluxmp.boot.cache.PlanCacheFlow;
import org.fluxmp.boot.cache.RecordingFacts;
import org.fluxmp.boot.cache.RecordingSetupSteps;
import org.fluxmp.boot.cache.SetupRecord;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.run.Job;
import org.fluxmp.boot.run.PlanExecution;
import org.fluxmp.boot.run.RunTiming;
import org.fluxmp.boot.task.BashSetupSteps;
import picocli.CommandLine.Option;

/** What run FILE and rc1 share: read rc files, decide, plan, then show, dry-run or run. */
abstract class TaskCommand extends RunningCommand {

    @Option(names = "--show-deps", description = "Display dictionary of tasks to predecessor list and exit")
    boolean showDeps;

    @Option(names = "--no-cache", description = "Plan from scratch: do not use or store a cached plan.")
    boolean noCache;

    /** Reads what SOURCE names (rc1, run NAME, run FILE), decides, plans and runs; TIMING for rc1 --timing. */
    int runTasks(RcSource source, RunTiming timing) {
        Context ctx = root.ctx;
        BrokerChoice brokers = factOptions.brokers(ctx);
        Facts facts = factOptions.facts(ctx);
        Map<String, String> extraEnv = new java.util.LinkedHashMap<>(factOptions.taskEnv(ctx, facts));
        if (source.rcStage()) {
            extraEnv.put("FLUX_RC_USE_MODPROBE", "t");
        }
        BashSetupSteps bash = new BashSetupSteps(merged(ctx, extraEnv), facts.rank(), ctx.out());
        Job job = Job.of(source, factOptions.brokerSpec(ctx), ctx, facts);
        Optional<PlanCacheFlow> cache = showDeps || noCache ? Optional.empty()
                : PlanCacheFlow.open(ctx, source.identity(), source, PlanCacheFlow.options(run.jobs), run.verbose);
        Deque<SetupRecord> replay = new ArrayDeque<>();
        if (cache.isPresent()) {
            Optional<Plan> hit = cache.get().lookup(facts, bash, replay);
            if (hit.isPresent()) {
                if (timing != null) {
                    timing.phase("configure");
                }
                return PlanExecution.execute(ctx, PlanCacheFlow.withWorkers(hit.get(), run.workers()), brokers, run.settings(), extraEnv, timing, job);
            }
        }
        RecordingFacts recorded = new RecordingFacts(facts);
        RecordingSetupSteps steps = new RecordingSetupSteps(bash, replay);
        PlanMaker.Made made = PlanMaker.forRun(ctx, recorded, steps, source, run.verbose && cache.isEmpty(),
                () -> new java.util.ArrayList<>(recorded.loadedModules().keySet()), run.workers(), showDeps, job);
        if (showDeps) {
            return PlanRunner.showDeps(ctx, made.decisions(), made.units());
        }
        if (timing != null) {
            timing.phase("configure");
            timing.phase("solve");
        }
        cache.ifPresent(c -> c.store(new CacheEntry(recorded.seen(), made.rankSets(), steps.records(), made.plan())));
        return PlanExecution.execute(ctx, made.plan(), brokers, run.settings(), extraEnv, timing, job);
    }

    private static Map<String, String> merged(Context ctx, Map<String, String> extra) {
        Map<String, String> env = new java.util.LinkedHashMap<>(ctx.env());
        env.putAll(extra);
        return env;
    }
}
