package org.fluxmp.runner.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fluxmp.rules.Facts;
import org.fluxmp.runner.cache.CacheEntry;
import org.fluxmp.runner.cache.RecordingFacts;
import org.fluxmp.runner.cache.RecordingSetupSteps;
import org.fluxmp.runner.cache.SetupRecord;
import org.fluxmp.runner.task.BashSetupSteps;
import org.fluxmp.solver.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rc3}: shut a broker down: remove every loaded module and run rc3 tasks (SPEC 4.8). */
@Command(name = "rc3", mixinStandardHelpOptions = true,
        description = "Remove all loaded modules and run shutdown tasks (rc3.toml and rc3.d/*.toml on the search path).")
final class Rc3Command implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin RunOptions run;
    @Mixin FactOptions factOptions;

    @Option(names = "--no-cache", description = "Plan from scratch: do not use or store a cached plan.")
    boolean noCache;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        BrokerChoice brokers = factOptions.brokers(ctx);
        Facts facts = factOptions.facts(ctx);
        Map<String, String> extraEnv = new java.util.LinkedHashMap<>(factOptions.taskEnv(ctx, facts));
        extraEnv.put("FLUX_RC_USE_MODPROBE", "t");
        Map<String, String> env = new java.util.LinkedHashMap<>(ctx.env());
        env.putAll(extraEnv);
        BashSetupSteps bash = new BashSetupSteps(env, facts.rank(), ctx.out());
        Optional<PlanCacheFlow> cache = noCache ? Optional.empty()
                : PlanCacheFlow.open(ctx, "rc3", "rc3", null, PlanCacheFlow.options(ctx, factOptions, run), run.verbose);
        Deque<SetupRecord> replay = new ArrayDeque<>();
        if (cache.isPresent()) {
            Optional<Plan> hit = cache.get().lookup(facts, bash, replay);
            if (hit.isPresent()) {
                return PlanRunner.execute(ctx, PlanCacheFlow.withWorkers(hit.get(), run.workers()), brokers, run, extraEnv, null);
            }
        }
        RecordingFacts recorded = new RecordingFacts(facts);
        RecordingSetupSteps steps = new RecordingSetupSteps(bash, replay);
        PlanMaker.Made made = PlanMaker.forRc3(ctx, recorded, steps, run.verbose && cache.isEmpty(), run.workers());
        cache.ifPresent(c -> c.store(new CacheEntry(recorded.seen(), made.rankSets(), steps.records(), made.plan())));
        return PlanRunner.execute(ctx, made.plan(), brokers, run, extraEnv, null);
    }
}
