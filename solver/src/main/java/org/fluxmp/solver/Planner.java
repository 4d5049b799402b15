package org.fluxmp.solver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.plan.Durations;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.rules.Body;
import org.fluxmp.rules.Condition;
import org.fluxmp.rules.Decision;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.Unit;
import org.fluxmp.solver.schedule.Schedule;
import org.fluxmp.solver.schedule.Scheduler;
import org.fluxmp.solver.schedule.TaskGraph;

/**
 * The solver's entry point: turns a {@link Decision} into a {@link Plan} — the ordering graph of
 * the decision's units, and a priority order from the schedule (SPEC 7). Which units run is the
 * rules' to decide; here they are only ordered.
 */
public final class Planner {
    private Planner() {}

    /** The ordering graph of the decision's units (SPEC 4.6), not yet checked for cycles (for --show-deps). */
    public static OrderingGraph graph(Decision decision) {
        Decisions d = decision.verdicts();
        List<Unit> list = new ArrayList<>();
        for (String n : decision.units()) {
            list.add(d.table().unit(n).orElseThrow());
        }
        return OrderingGraph.build(list, n -> d.table().hasService(n) ? d.provider(n).map(Unit::getName) : Optional.empty(),
                Unit::getAfter, Unit::getBefore);
    }

    /** A plan for the decision on W workers with default durations and time limit. */
    public static Plan plan(Decision d, int workers) {
        return plan(d, PlanOptions.workers(workers));
    }

    /** A plan for the decision: cycle check, schedule, and the tasks (in the schedule's start order) with their bodies and arguments. */
    public static Plan plan(Decision d, PlanOptions options) {
        return solve(d, options).plan();
    }

    /** The plan for the decision and the schedule behind its order (SPEC 7). */
    public static SolvedPlan solve(Decision d, PlanOptions options) {
        Map<String, Set<String>> preds = graph(d).requireAcyclic().predecessors();
        Schedule schedule = Scheduler.schedule(taskGraph(d, preds, options.durations()), options.workers(),
                options.timeLimitMs());
        Set<String> removing = new LinkedHashSet<>(d.removing());
        List<PlanTask> tasks = new ArrayList<>();
        for (String n : schedule.order()) {
            tasks.add(task(d.unit(n).orElseThrow(), removing.contains(n), new ArrayList<>(preds.get(n)), d.expandedEnv()));
        }
        Plan plan = new Plan(d.rank(), tasks, d.alternatives(), d.setopt(), d.overwritten(), d.data(), d.setenv(),
                options.workers(), schedule.method());
        return new SolvedPlan(plan, schedule);
    }

    /** The acyclic ordering graph PREDS with each task's estimate: DURATIONS, else the default for its kind. */
    public static TaskGraph taskGraph(Decision d, Map<String, Set<String>> preds, Map<String, Long> durations) {
        return TaskGraph.of(preds, n -> {
            Long ms = durations.get(n);
            return ms != null ? ms : defaultDuration(d.unit(n).orElseThrow());
        });
    }

    /** EXPANDED_ENV: the variables setup's {@code ${env:...}} named, which a body sees as its conditions' (SPEC 3). */
    private static PlanTask task(Unit u, boolean remove, List<String> preds, List<String> expandedEnv) {
        long timeout = u.getTimeout() == null ? 0 : Durations.parseMillis(u.getTimeout());
        String name = u.getName();
        if (u.isModule()) {
            return new PlanTask.ModuleStep(name, remove, u.getModule(), u.getServices(), u.getArgs(), u.isExec(), preds,
                    timeout);
        }
        Body b = u.getBody();
        switch (b.kind()) {
            case RPC:
                return new PlanTask.Rpc(name, b.text(), b.payload(), preds, timeout);
            case RUN:
                return new PlanTask.Run(name, b.text(), bodyEnv(u, expandedEnv), preds, timeout);
            case PYTHON:
                return new PlanTask.Python(name, List.of(b.text().split("\n")), bodyEnv(u, expandedEnv), preds, timeout);
            default:
                return new PlanTask.JavaClass(name, b.text(), bodyEnv(u, expandedEnv), preds, timeout);
        }
    }

    /** The variables U's body must see as its conditions saw them: its needs-env names, then EXPANDED_ENV. */
    private static List<String> bodyEnv(Unit u, List<String> expandedEnv) {
        Set<String> names = new LinkedHashSet<>();
        for (String spec : u.needsOf(FactKind.ENV)) {
            names.add(Condition.parse(FactKind.ENV, spec).key());
        }
        names.addAll(expandedEnv);
        return List.copyOf(names);
    }

    /** Estimates (ms) used to order tasks until measured durations exist: module loads are quick, bash starts cost. */
    public static long defaultDuration(Unit u) {
        if (u.isModule()) {
            return 10;
        }
        switch (u.getBody().kind()) {
            case RUN: return 30;
            case PYTHON: return 50;
            case RPC: return 2;
            default: return 5;
        }
    }
}
