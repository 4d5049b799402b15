package org.fluxmp.runner.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.broker.BrokerChoice;
import org.fluxmp.boot.broker.SimBrokerFile;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rc3}: shut a broker down: remove every loaded module and run rc3 tasks (SPEC 4.8). */
@Command(name = "rc3", mixinStandardHelpOptions = true,
        description = {"Remove all loaded modules and run shutdown tasks.",
            "Runs rc3.toml and every rc3.d/*.toml file on the search path."})
final class Rc3Command extends RunningCommand {

    @Option(names = "--no-cache", description = "Plan from scratch: do not use or store a cached plan.")
    boolean noCache;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        RunTiming timing = run.timing(false);
        BrokerChoice brokers = factOptions.brokers(ctx);
        Facts facts = factOptions.facts(ctx);
        Map<String, String> extraEnv = extraEnv(ctx, facts);
        BashSetupSteps bash = new BashSetupSteps(merged(ctx, extraEnv), facts.rank(), ctx.out());
        Job job = job(ctx, facts);
        Optional<PlanCacheFlow> cache = noCache ? Optional.empty()
                : PlanCacheFlow.open(ctx, "rc3", RcSource.runlevel("rc3"), PlanCacheFlow.options(run.jobs), run.verbose);
        Deque<SetupRecord> replay = new ArrayDeque<>();
        if (cache.isPresent()) {
            Optional<Plan> hit = cache.get().lookup(facts, bash, replay);
            if (hit.isPresent()) {
                if (timing != null) {
                    timing.phase("configure");
                }
                return PlanExecution.execute(ctx, PlanCacheFlow.withWorkers(hit.get(), run.workers()), brokers, run.settings(), extraEnv,
                        timing, job);
            }
        }
        RecordingFacts recorded = new RecordingFacts(facts);
        RecordingSetupSteps steps = new RecordingSetupSteps(bash, replay);
        PlanMaker.Made made = PlanMaker.forRc3(ctx, recorded, steps, run.verbose && cache.isEmpty(), run.workers(), job);
        cache.ifPresent(c -> c.store(new CacheEntry(recorded.seen(), made.rankSets(), steps.records(), made.plan())));
        if (timing != null) {
            timing.phase("configure");
        }
        return PlanExecution.execute(ctx, made.plan(), brokers, run.settings(), extraEnv, timing, job);
    }

    /** An rc3 plan and what running it needs (apart, so that tests can run one plan many times). */
    record Prepared(Plan plan, SimBrokerFile sim, Map<String, String> extraEnv, Job job) {}

    /** Plans rc3 without the cache. */
    Prepared prepare(Context ctx) {
        Facts facts = factOptions.facts(ctx);
        Map<String, String> extraEnv = extraEnv(ctx, facts);
        Job job = job(ctx, facts);
        PlanMaker.Made made = PlanMaker.forRc3(ctx, facts, new BashSetupSteps(merged(ctx, extraEnv), facts.rank(), ctx.out()),
                run.verbose, run.workers(), job);
        return new Prepared(made.plan(), factOptions.brokers(ctx).simFile(), extraEnv, job);
    }

    private Map<String, String> extraEnv(Context ctx, Facts facts) {
        Map<String, String> extraEnv = new java.util.LinkedHashMap<>(factOptions.taskEnv(ctx, facts));
        extraEnv.put("FLUX_RC_USE_MODPROBE", "t");
        return extraEnv;
    }

    private Job job(Context ctx, Facts facts) {
        return Job.of(RcSource.runlevel("rc3"), factOptions.brokerSpec(ctx), ctx, facts);
    }

    private static Map<String, String> merged(Context ctx, Map<String, String> extra) {
        Map<String, String> env = new java.util.LinkedHashMap<>(ctx.env());
        env.putAll(extra);
        return env;
    }
}
