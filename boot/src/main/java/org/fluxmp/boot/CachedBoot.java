package org.fluxmp.boot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.broker.BrokerChoice;
import org.fluxmp.boot.broker.SimBrokerFile;
import org.fluxmp.boot.broker.SimShim;
import org.fluxmp.boot.cache.CacheCheck;
import org.fluxmp.boot.cache.CacheEntry;
import org.fluxmp.boot.cache.PlanCacheFlow;
import org.fluxmp.boot.cache.SetupRecord;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.run.Job;
import org.fluxmp.boot.run.PlanExecution;
import org.fluxmp.boot.run.RunTiming;
import org.fluxmp.boot.task.BashSetupSteps;

/**
 * The boot from a compiled plan: find the plan-cache entry for the request, re-check the facts it
 * recorded (fetched in one pipelined round) and its setup steps, and run it. A miss returns
 * {@link #MISS}; the planner then plans in the same process (the setup steps this check ran are
 * not run again: {@link PlanCacheFlow} keeps their output).
 */
public final class CachedBoot {
    /** Not served: no usable plan is cached. */
    public static final int MISS = -1;

    private CachedBoot() {}

    public static int serve(BootRequest r, String brokerSpec, Context ctx) {
        BrokerOpening opening = BrokerOpening.start(brokerSpec, ctx);
        Optional<PlanCacheFlow> flow = PlanCacheFlow.open(ctx, r.identity(), r.source(),
                PlanCacheFlow.options(r.settings().jobs()), r.settings().verbose());
        List<CacheEntry> entries = flow.isEmpty() ? List.of() : flow.get().entries();
        if (entries.isEmpty()) {
            opening.discard();
            return MISS;
        }
        BrokerChoice brokers;
        int workers;
        try {
            workers = r.settings().workers(); // a bad -j is reported before anything else
            brokers = opening.get();
        } catch (RuntimeException e) {
            opening.discard();
            throw e;
        }
        RunTiming timing = r.settings().timing(r.storeTiming());
        boolean served = false;
        try {
            Map<String, String> extraEnv = new LinkedHashMap<>();
            Facts facts = facts(brokers, ctx, entries, extraEnv);
            if (!r.modulesOnly() && r.source().rcStage()) {
                extraEnv.put("FLUX_RC_USE_MODPROBE", "t");
            }
            Map<String, String> env = new LinkedHashMap<>(ctx.env());
            env.putAll(extraEnv);
            Deque<SetupRecord> replay = new ArrayDeque<>();
            Optional<Plan> hit = CacheCheck.firstValid(entries, facts, new BashSetupSteps(env, facts.rank(), ctx.out()),
                    replay);
            if (hit.isEmpty()) {
                flow.get().missed(replay);
                return MISS;
            }
            if (timing != null) {
                timing.phase("configure");
            }
            Job job = r.modulesOnly() ? Job.modules(r.what(), brokerSpec) : Job.of(r.source(), brokerSpec, ctx, facts);
            served = true;
            return PlanExecution.execute(ctx, PlanCacheFlow.withWorkers(hit.get(), workers), brokers, r.settings(),
                    extraEnv, timing, job);
        } finally {
            if (!served) {
                brokers.close();
            }
        }
    }

    /**
     * The facts the cached plans are checked against: the simulated broker's (whose shim
     * environment goes into EXTRA_ENV), or the broker's, every question ENTRIES ask sent at once.
     */
    private static Facts facts(BrokerChoice brokers, Context ctx, List<CacheEntry> entries, Map<String, String> extraEnv) {
        if (brokers.simulated()) {
            SimBrokerFile sim = brokers.simFile();
            StaticFacts f = sim.facts(ctx.env(), SimBrokerFile.ModuleServices.NAME_ONLY);
            extraEnv.putAll(SimShim.env(ctx.home(), ctx.env(), f, sim.log()));
            return f;
        }
        Facts facts = brokers.brokerFacts();
        facts.prefetch(CacheCheck.questions(entries));
        return facts;
    }
}
