package org.fluxmp.runner.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.run.Job;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.rules.Unit;
import org.fluxmp.solver.Planner;
import org.fluxmp.solver.schedule.Scheduler;

/** The planning half of run/rc1/rc3 (rules, then solver), kept apart from the cache-hit path. */
final class PlanMaker {
    private PlanMaker() {}

    /** A plan, the decisions behind it, and which rank expressions matched (for the cache). */
    record Made(Plan plan, Decisions decisions, Collection<String> units, Map<RankSet, Boolean> rankSets) {}

    /**
     * A run's files read, setup applied and disables requested: what any rank decides from, when
     * reading did not depend on the rank (no setup {@code run} step, no {@code ${attr:rank}}).
     */
    record Reading(ModprobeRules rules, boolean rc3) {
        /** The run decided for RANK. */
        Decided at(int rank) {
            Decisions d = rules.decideAt(rank);
            return new Decided(rules, d, rc3 ? Planner.rc3Units(d) : Planner.runUnits(d), rankSets(rules, rank));
        }

    }

    /** A decided run not yet ordered: what {@link #plan} turns into a {@link Made}. */
    record Decided(ModprobeRules rules, Decisions decisions, Collection<String> units, Map<RankSet, Boolean> rankSets) {
        /** Orders the units on WORKERS, the solver searching for at most TIME_LIMIT_MS. */
        Made plan(Context ctx, Job job, int workers, long timeLimitMs) {
            return new Made(PlanRunner.planWithMeasuredDurations(ctx, job, rules, decisions, units, workers, timeLimitMs),
                    decisions, units, rankSets);
        }
    }

    /**
     * rc1 or run FILE|NAME (SOURCE). With SHOW_DEPS the plan is null (the graph may have a cycle). LOADED
     * is asked only if a setup removes all modules, so that only then the plan depends on it.
     */
    static Made forRun(Context ctx, Facts facts, SetupStepRunner steps, RcSource source, boolean verbose,
            java.util.function.Supplier<List<String>> loaded, int workers, boolean showDeps, Job job) {
        Decided d = readRun(ctx, facts, steps, source, verbose, loaded).at(facts.rank());
        return showDeps ? new Made(null, d.decisions(), d.units(), d.rankSets())
                : d.plan(ctx, job, workers, Scheduler.DEFAULT_TIME_LIMIT_MS);
    }

    /** The reading half of {@link #forRun}. */
    static Reading readRun(Context ctx, Facts facts, SetupStepRunner steps, RcSource source,
            boolean verbose, java.util.function.Supplier<List<String>> loaded) {
        ModprobeRules rules = RulesOpener.open(ctx, facts, verbose).check();
        rules.readSource(source, steps).check();
        rules.removals().ifPresent(r -> rules.removeModules(r.contains("all") ? loaded.get() : r, "setup remove"));
        DisableRequests.apply(rules, ctx, List.of());
        return new Reading(rules, false);
    }

    /** rc3: every loaded module is removed, then rc3 files' tasks. */
    static Made forRc3(Context ctx, Facts facts, SetupStepRunner steps, boolean verbose, int workers, Job job) {
        return readRc3(ctx, facts, steps, verbose).at(facts.rank()).plan(ctx, job, workers, Scheduler.DEFAULT_TIME_LIMIT_MS);
    }

    /** The reading half of {@link #forRc3}. */
    static Reading readRc3(Context ctx, Facts facts, SetupStepRunner steps, boolean verbose) {
        ModprobeRules rules = RulesOpener.open(ctx, facts, verbose).check();
        List<String> loaded = new java.util.ArrayList<>();
        for (String m : facts.loadedModules().keySet()) {
            if (rules.table().unit(m).isPresent()) {
                loaded.add(m);
            }
        }
        // the broker lists modules in hash order; the plan must not depend on it
        loaded.sort(null);
        // rc3 always removes every loaded module it knows, before rc3's own setup
        rules.removeModules(loaded, "loaded module (rc3 removes every loaded module)");
        rules.readRunlevel("rc3", steps);
        rules.check();
        DisableRequests.apply(rules, ctx, List.of());
        return new Reading(rules, true);
    }

    /** Every rank expression of the configuration RULES read: what splits ranks into classes. */
    static java.util.Set<RankSet> expressions(ModprobeRules rules) {
        return rankSets(rules, 0).keySet();
    }

    static Map<RankSet, Boolean> rankSets(ModprobeRules rules, int rank) {
        Map<RankSet, Boolean> out = new LinkedHashMap<>();
        for (Unit u : rules.table().units()) {
            out.putIfAbsent(u.getRanks(), u.getRanks().contains(rank));
        }
        return out;
    }
}
