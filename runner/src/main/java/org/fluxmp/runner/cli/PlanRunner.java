package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.broker.BrokerChoice;
import org.fluxmp.boot.exec.DurationHistory;
import org.fluxmp.boot.json.PyJson;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.run.Job;
import org.fluxmp.boot.run.PlanExecution;
import org.fluxmp.boot.run.RunTiming;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.solver.Planner;

/** The planner's end of rc1, rc3, run, load and remove: show the graph, or plan with measured durations. */
final class PlanRunner {
    private PlanRunner() {}

    /** {@code --show-deps}: task -> predecessors as JSON; exits 0 even for a cyclic graph. */
    static int showDeps(Context ctx, Decisions d, Collection<String> units) {
        Map<String, Object> out = new LinkedHashMap<>();
        Planner.graph(d, units).predecessors().forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        ctx.out().println(PyJson.write(out));
        return FluxModprobe.OK;
    }

    /**
     * The one place where measured durations enter planning: the history of earlier runs of the
     * same tasks (see {@link DurationHistory}) orders ready tasks with real numbers.
     */
    static Plan planWithMeasuredDurations(Context ctx, Job job, ModprobeRules rules, Decisions d,
            Collection<String> units, int workers) {
        DurationHistory.Key key = DurationHistory.Key.of(job.what(), job.brokerKind(), d.rank(), units);
        Map<String, Long> measured = DurationHistory.locate(ctx.env()).map(h -> h.load(key)).orElse(Map.of());
        return Planner.plan(rules, d, units, workers, measured);
    }

    /** The common end of load and remove: decide with the prepared RULES, plan UNITS, run them. */
    static int runModules(Context ctx, String what, ModprobeRules rules, List<String> units, RunOptions run,
            FactOptions options, BrokerChoice brokers, org.fluxmp.boot.facts.Facts facts, RunTiming timing) {
        Decisions d = rules.decide();
        Job job = Job.modules(what, options.brokerSpec(ctx));
        Plan plan = planWithMeasuredDurations(ctx, job, rules, d, units, run.workers());
        return PlanExecution.execute(ctx, plan, brokers, run.settings(), options.taskEnv(ctx, facts), timing, job);
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
