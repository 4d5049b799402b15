package org.fluxmp.runner.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.broker.BrokerChoice;
import org.fluxmp.boot.cache.CacheEntry;
import org.fluxmp.boot.cache.PlanCacheFlow;
import org.fluxmp.boot.cache.RecordingFacts;
import org.fluxmp.boot.exec.DurationHistory;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.json.JsonStyle;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.run.Job;
import org.fluxmp.boot.run.PlanExecution;
import org.fluxmp.boot.run.RunTiming;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.solver.PlanOptions;
import org.fluxmp.solver.Planner;
import org.fluxmp.solver.schedule.Scheduler;

/** The planner's end of rc1, rc3, run, load and remove: show the graph, or plan with measured durations. */
final class PlanRunner {
    private PlanRunner() {}

    /** {@code --show-deps}: task -> predecessors as JSON; exits 0 even for a cyclic graph. */
    static int showDeps(Context ctx, Decisions d, Collection<String> units) {
        Map<String, Object> out = new LinkedHashMap<>();
        Planner.graph(d, units).predecessors().forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        ctx.out().println(JsonStyle.PYTHON.write(out));
        return FluxModprobe.OK;
    }

    /**
     * The one place where measured durations enter planning: the history of earlier runs of the
     * same tasks (see {@link DurationHistory}) orders ready tasks with real numbers.
     */
    static Plan planWithMeasuredDurations(Context ctx, Job job, ModprobeRules rules, Decisions d,
            Collection<String> units, int workers) {
        return planWithMeasuredDurations(ctx, job, rules, d, units, workers, Scheduler.DEFAULT_TIME_LIMIT_MS);
    }

    /** As above, the solver searching for at most TIME_LIMIT_MS. */
    static Plan planWithMeasuredDurations(Context ctx, Job job, ModprobeRules rules, Decisions d,
            Collection<String> units, int workers, long timeLimitMs) {
        DurationHistory.Key key = DurationHistory.Key.of(job.what(), job.brokerKind(), d.rank(), units);
        Map<String, Long> measured = DurationHistory.locate(ctx.env()).map(h -> h.load(key)).orElse(Map.of());
        return Planner.plan(rules, d, units, new PlanOptions(workers, measured, timeLimitMs));
    }

    /**
     * load and remove (SPEC 4.9, 4.10) through the plan cache: a stored plan for these MODULES whose
     * facts (the loaded modules among them) still hold runs at once; else DECIDE works out the
     * units from recorded facts, and the plan is made, stored and run. DECIDE returns null when
     * there is nothing to do (it has said so).
     */
    static int runModules(Context ctx, String what, List<String> modules, RunOptions run, FactOptions options,
            ModuleDecision decide) {
        RunTiming timing = run.timing(false);
        BrokerChoice brokers = options.brokers(ctx);
        Facts facts = options.facts(ctx);
        Job job = Job.modules(what, options.brokerSpec(ctx));
        Map<String, String> env = options.taskEnv(ctx, facts);
        Optional<PlanCacheFlow> cache = PlanCacheFlow.open(ctx, identity(what, modules), null,
                PlanCacheFlow.options(run.jobs), run.verbose);
        if (cache.isPresent()) {
            Optional<Plan> hit = cache.get().lookup(facts, SetupStepRunner.NONE, new ArrayDeque<>());
            if (hit.isPresent()) {
                return PlanExecution.execute(ctx, PlanCacheFlow.withWorkers(hit.get(), run.workers()), brokers,
                        run.settings(), env, timing, job);
            }
        }
        RecordingFacts recorded = new RecordingFacts(facts);
        ModuleDecision.Units chosen = decide.units(recorded);
        if (chosen == null) {
            return FluxModprobe.OK;
        }
        Decisions d = chosen.rules().decide();
        Plan plan = planWithMeasuredDurations(ctx, job, chosen.rules(), d, chosen.units(), run.workers());
        cache.ifPresent(c -> c.store(new CacheEntry(recorded.seen(), PlanMaker.rankSets(chosen.rules(), facts.rank()),
                List.of(), plan)));
        return PlanExecution.execute(ctx, plan, brokers, run.settings(), env, timing, job);
    }

    /** The command's identity in the plan-cache key, as the boot computes it ({@link org.fluxmp.boot.BootRequest#identity}). */
    static String identity(String what, List<String> modules) {
        return new org.fluxmp.boot.BootRequest(what, null, modules, null, false, null).identity();
    }

    /** How load or remove picks its units from the facts (recorded, so that the cache re-checks them). */
    interface ModuleDecision {
        /** The prepared rules and the units to run. */
        record Units(ModprobeRules rules, List<String> units) {}

        Units units(Facts facts);
    }

    /** Loaded modules with the services each offers (its name and configured provides). */
    static Map<String, Set<String>> loaded(Decisions d, List<String> loadedModules) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String m : loadedModules) {
            Set<String> services = new java.util.LinkedHashSet<>();
            services.add(m);
            d.table().unit(m).ifPresent(u -> services.addAll(u.getProvides()));
            out.put(m, services);
        }
        return out;
    }
}
