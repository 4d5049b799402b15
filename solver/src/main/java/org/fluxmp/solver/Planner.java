package org.fluxmp.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.plan.Durations;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.rules.Body;
import org.fluxmp.rules.Condition;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.rules.Unit;
import org.fluxmp.solver.schedule.Schedule;
import org.fluxmp.solver.schedule.Scheduler;
import org.fluxmp.solver.schedule.TaskGraph;

/**
 * The solver's entry point: turns the rules' decisions into a {@link Plan} — the run's units
 * (active set and requires closure, or removals), the ordering graph, and a priority order from
 * the schedule (SPEC 7).
 */
public final class Planner {
    private Planner() {}

    /** rc1 / run FILE: the active set (not skipped) plus the requires closure (SPEC 4.5). */
    public static Collection<String> runUnits(Decisions d) {
        return RequiresClosure.of(d, d.runnable()).keySet();
    }

    /** rc3: removals and rc3 tasks as decided; no requires closure (SPEC 4.8). */
    public static Collection<String> rc3Units(Decisions d) {
        return d.runnable();
    }

    /** The ordering graph of UNITS (SPEC 4.6), not yet checked for cycles (for --show-deps). */
    public static OrderingGraph graph(Decisions d, Collection<String> units) {
        List<Unit> list = new ArrayList<>();
        for (String n : units) {
            list.add(d.table().unit(n).orElseThrow());
        }
        return OrderingGraph.build(list, n -> d.table().hasService(n) ? d.provider(n).map(Unit::getName) : Optional.empty(),
                Unit::getAfter, Unit::getBefore);
    }

    /** A plan for UNITS on W workers with default durations and time limit. */
    public static Plan plan(ModprobeRules rules, Decisions d, Collection<String> units, int workers) {
        return plan(rules, d, units, PlanOptions.workers(workers));
    }

    /** As above, ordering with MEASURED durations (ms by task name) where known, else the defaults. */
    public static Plan plan(ModprobeRules rules, Decisions d, Collection<String> units, int workers,
            Map<String, Long> measured) {
        return plan(rules, d, units, new PlanOptions(workers, measured, Scheduler.DEFAULT_TIME_LIMIT_MS));
    }

    /** A plan for UNITS: cycle check, schedule, and the tasks (in the schedule's start order) with their bodies and arguments. */
    public static Plan plan(ModprobeRules rules, Decisions d, Collection<String> units, PlanOptions options) {
        return solve(rules, d, units, options).plan();
    }

    /** The plan for UNITS and the schedule behind its order (SPEC 7). */
    public static SolvedPlan solve(ModprobeRules rules, Decisions d, Collection<String> units, PlanOptions options) {
        Map<String, Set<String>> preds = graph(d, units).requireAcyclic().predecessors();
        Schedule schedule = Scheduler.schedule(taskGraph(d, preds, options.durations()), options.workers(),
                options.timeLimitMs());
        Set<String> removing = new LinkedHashSet<>(rules.removing());
        List<String> expandedEnv = rules.ledger().expandedEnvNames();
        List<PlanTask> tasks = new ArrayList<>();
        for (String n : schedule.order()) {
            tasks.add(task(d.table().unit(n).get(), removing.contains(n), new ArrayList<>(preds.get(n)), expandedEnv));
        }
        Map<String, List<String>> setopt = new LinkedHashMap<>();
        rules.moduleArgs().added().forEach((k, v) -> setopt.put(k, List.copyOf(v)));
        Plan plan = new Plan(d.rank(), tasks, d.alternatives(), setopt, List.copyOf(rules.moduleArgs().overwritten()),
                Map.copyOf(rules.data()), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules.setenv())),
                options.workers(), schedule.method());
        return new SolvedPlan(plan, schedule);
    }

    /** The acyclic ordering graph PREDS with each task's estimate: DURATIONS, else the default for its kind. */
    public static TaskGraph taskGraph(Decisions d, Map<String, Set<String>> preds, Map<String, Long> durations) {
        return TaskGraph.of(preds, n -> {
            Long ms = durations.get(n);
            return ms != null ? ms : defaultDuration(d.table().unit(n).get());
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

    /**
     * load M... (SPEC 4.9): the requires closure including modules that are not enabled, minus
     * loaded ones; requested modules become the selected alternatives.
     */
    public static List<String> loadUnits(Decisions d, List<String> modules, Set<String> loaded) {
        Map<String, String> closure = new LinkedHashMap<>();
        java.util.Deque<String> queue = new java.util.ArrayDeque<>();
        for (String m : modules) {
            Unit u = d.provider(m).orElseThrow(() -> new ConfigException("no such task or module " + m));
            if (!u.isModule()) {
                throw new ConfigException(m + " is not a module");
            }
            if (closure.putIfAbsent(u.getName(), "") == null) {
                queue.add(u.getName());
            }
        }
        while (!queue.isEmpty()) {
            Unit u = d.table().unit(queue.poll()).get();
            for (String r : u.getRequires()) {
                Unit p = d.provider(r).orElseThrow(() -> new ConfigException("no such task or module " + r));
                if (closure.putIfAbsent(p.getName(), "") == null) {
                    queue.add(p.getName());
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String n : closure.keySet()) {
            if (!loaded.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * remove M... (SPEC 4.10): the requested modules plus requirements no loaded module still
     * needs. LOADED maps each loaded module to the services it offers.
     */
    public static List<String> removeUnits(Decisions d, List<String> modules, Map<String, Set<String>> loaded) {
        List<String> configured = new ArrayList<>();
        for (String m : loaded.keySet()) {
            if (d.table().unit(m).isPresent()) {
                configured.add(m);
            }
        }
        Set<String> target = new LinkedHashSet<>();
        if (modules.contains("all")) {
            target.addAll(configured);
        } else {
            for (String m : modules) {
                String owner = null;
                for (Map.Entry<String, Set<String>> e : loaded.entrySet()) {
                    if (e.getKey().equals(m) || e.getValue().contains(m)) {
                        owner = e.getKey();
                    }
                }
                if (owner == null) {
                    throw new ConfigException("module " + m + " is not loaded");
                }
                target.add(owner);
            }
        }
        // who requires whom, among loaded modules
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        Map<String, Set<String>> dependents = new LinkedHashMap<>();
        for (String m : configured) {
            Set<String> reqs = new LinkedHashSet<>();
            for (String r : d.table().unit(m).get().getRequires()) {
                for (Map.Entry<String, Set<String>> e : loaded.entrySet()) {
                    if (configured.contains(e.getKey()) && (e.getKey().equals(r) || providesLoaded(d, e.getKey(), r))) {
                        reqs.add(e.getKey());
                    }
                }
            }
            requires.put(m, reqs);
            for (String r : reqs) {
                dependents.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(m);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String m : new ArrayList<>(target)) {
                for (String r : requires.getOrDefault(m, Set.of())) {
                    if (!target.contains(r) && target.containsAll(dependents.getOrDefault(r, Set.of()))) {
                        target.add(r);
                        grew = true;
                    }
                }
            }
        }
        for (String m : target) {
            List<String> users = new ArrayList<>();
            for (String u : dependents.getOrDefault(m, Set.of())) {
                if (!target.contains(u)) {
                    users.add(u);
                }
            }
            if (!users.isEmpty()) {
                users.sort(null);
                throw new ConfigException(m + " still in use by " + String.join(", ", users));
            }
        }
        return new ArrayList<>(target);
    }

    private static boolean providesLoaded(Decisions d, String module, String service) {
        return d.table().unit(module).map(u -> u.getProvides().contains(service)).orElse(false);
    }
}
