package org.fluxmp.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.boot.json.PyJson;
import org.fluxmp.boot.broker.Broker;
import org.fluxmp.boot.broker.BrokerException;
import org.fluxmp.boot.exec.DurationHistory;
import org.fluxmp.boot.exec.Executor;
import org.fluxmp.boot.exec.RunResult;
import org.fluxmp.boot.exec.RunState;
import org.fluxmp.boot.exec.TaskClasses;
import org.fluxmp.boot.exec.TaskRunner;
import org.fluxmp.solver.Planner;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;

/** The common end of rc1, rc3, run, load and remove: show the graph, print a dry run, or run the plan. */
final class PlanRunner {
    private PlanRunner() {}

    /** {@code --show-deps}: task -> predecessors as JSON; exits 0 even for a cyclic graph. */
    static int showDeps(Context ctx, Decisions d, Collection<String> units) {
        Map<String, Object> out = new LinkedHashMap<>();
        Planner.graph(d, units).predecessors().forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        ctx.out().println(PyJson.write(out));
        return FluxModprobe.OK;
    }

    /** What a run needs beyond its plan. */
    record Job(String what, String brokerSpec, List<Path> javaTaskDirs, Function<String, Optional<String>> attrs) {
        /** Load/remove: modules only, so no Java tasks and no attributes. */
        static Job modules(String what, String brokerSpec) {
            return new Job(what, brokerSpec, List.of(), name -> Optional.empty());
        }

        /** The broker kind in the durations key: measured sim latencies must not order real boots. */
        String brokerKind() {
            return brokerSpec.startsWith("sim") ? "sim" : brokerSpec;
        }

        boolean defaultSim() {
            return brokerSpec.equals("sim");
        }
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

    static int execute(Context ctx, Plan plan, BrokerChoice brokers, RunOptions run, Map<String, String> extraEnv,
            Timing timing, Job job) {
        Map<String, String> env = new LinkedHashMap<>(ctx.env());
        env.putAll(extraEnv);
        RunState state = new RunState(plan, env);
        try (Broker broker = brokers.open()) {
            TaskRunner runner = new TaskRunner(broker, state, plan.rank(), ctx.out(), ctx.err(),
                    TaskClasses.loader(job.javaTaskDirs(), PlanRunner.class.getClassLoader()), job.attrs());
            if (run.dryRun) {
                for (PlanTask t : plan.tasks()) {
                    ctx.out().println(runner.dryRunLine(t));
                }
                return FluxModprobe.OK;
            }
            if (!plan.env().isEmpty()) {
                broker.setenv(plan.env());
            }
            long t0 = timing == null ? System.nanoTime() : timing.t0;
            Executor exec = new Executor(runner, ctx.err(), run.verbose, t0).graceMs(graceMs(ctx))
                    .readyOrder(readyOrder(ctx));
            long started = System.nanoTime();
            RunResult result;
            StopSignals.attach(exec);
            try {
                result = exec.run(plan);
            } finally {
                StopSignals.detach(exec);
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            recordDurations(ctx, job, plan, exec, result);
            if (timing != null) {
                timing.finish(ctx, exec.timings(), plan.rank(), broker);
            }
            if (job.defaultSim()) {
                ctx.err().println(RunSummary.line(job.what(), plan, result, elapsedMs));
            }
            return exitCode(result);
        } catch (BrokerException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static void recordDurations(Context ctx, Job job, Plan plan, Executor exec, RunResult result) {
        List<String> names = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            names.add(t.name());
        }
        DurationHistory.Key key = DurationHistory.Key.of(job.what(), job.brokerKind(), plan.rank(), names);
        DurationHistory.locate(ctx.env()).ifPresent(h -> h.record(key, exec.timings(), result.completed()));
    }

    /** 0 done, 1 a task failed, 128+N stopped by signal N (as a shell reports a process killed by it). */
    static int exitCode(RunResult r) {
        switch (r.outcome()) {
            case OK:
                return FluxModprobe.OK;
            case STOPPED:
                return StopSignals.exitCode(r.stopReason());
            default:
                return FluxModprobe.ERROR;
        }
    }

    /**
     * FLUX_MODPROBE_READY_ORDER=first-come starts ready tasks in the order they became ready instead
     * of the schedule's: the baseline for measuring what the schedule buys (bench/rc1-makespan.sh).
     */
    static Executor.ReadyOrder readyOrder(Context ctx) {
        String v = ctx.env().getOrDefault("FLUX_MODPROBE_READY_ORDER", "");
        switch (v) {
            case "":
            case "priority":
                return Executor.ReadyOrder.PRIORITY;
            case "first-come":
                return Executor.ReadyOrder.FIRST_COME;
            default:
                throw new ConfigException("FLUX_MODPROBE_READY_ORDER: expected priority or first-come, got '" + v + "'");
        }
    }

    /** FLUX_MODPROBE_STOP_GRACE (e.g. 5s, 500ms): how long running tasks may finish after SIGTERM/SIGINT. */
    static long graceMs(Context ctx) {
        String v = ctx.env().get("FLUX_MODPROBE_STOP_GRACE");
        if (v == null || v.isBlank()) {
            return Executor.DEFAULT_GRACE_MS;
        }
        try {
            return org.fluxmp.boot.plan.Durations.parseMillis(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("FLUX_MODPROBE_STOP_GRACE: invalid duration '" + v + "' (expected e.g. 5s, 500ms)");
        }
    }

    /** {@code --timing}: the planner's phases and every task's start and duration (seconds). */
    static final class Timing {
        final long t0 = System.nanoTime();
        final List<Map<String, Object>> phases = new ArrayList<>();
        long last = t0;
        boolean store;
        Path file;

        void phase(String name) {
            long now = System.nanoTime();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("starttime", (last - t0) / 1e9);
            m.put("duration", (now - last) / 1e9);
            phases.add(m);
            last = now;
        }

        void finish(Context ctx, List<Executor.Timing> tasks, int rank, Broker broker) throws BrokerException {
            List<Map<String, Object>> all = new ArrayList<>(phases);
            for (Executor.Timing t : tasks) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", t.name());
                m.put("starttime", t.starttime());
                m.put("duration", t.duration());
                all.add(m);
            }
            String json = PyJson.write(all);
            if (store && rank == 0) {
                broker.kvsPut("modprobe.stats", json);
            }
            if (file != null) {
                try {
                    Files.writeString(file, json + "\n");
                } catch (IOException e) {
                    throw new ConfigException(file + ": cannot write timing file: " + e.getMessage());
                }
            }
        }
    }

    /** The common end of load and remove: decide with the prepared RULES, plan UNITS, run them. */
    static int runModules(Context ctx, String what, ModprobeRules rules, List<String> units, RunOptions run,
            FactOptions options, BrokerChoice brokers, org.fluxmp.boot.facts.Facts facts, Timing timing) {
        Decisions d = rules.decide();
        Job job = Job.modules(what, options.brokerSpec(ctx));
        Plan plan = planWithMeasuredDurations(ctx, job, rules, d, units, run.workers());
        return execute(ctx, plan, brokers, run, options.taskEnv(ctx, facts), timing, job);
    }

    /** The search path's DIR/RUNLEVEL.d directories, where Java task jars may be. */
    static List<Path> rcDirs(Context ctx, String runlevel) {
        List<Path> out = new ArrayList<>();
        for (String dir : org.fluxmp.boot.files.SearchPath.fromEnvironment(ctx.builtinDir(), ctx.env()).dirs()) {
            out.add(Path.of(dir, runlevel + ".d"));
        }
        return out;
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

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
