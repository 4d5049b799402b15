package org.fluxmp.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.rules.ConfigException;
import org.fluxmp.rules.Decisions;
import org.fluxmp.runner.PyJson;
import org.fluxmp.runner.broker.Broker;
import org.fluxmp.runner.broker.BrokerException;
import org.fluxmp.runner.exec.Executor;
import org.fluxmp.runner.exec.RunState;
import org.fluxmp.runner.exec.TaskRunner;
import org.fluxmp.solver.Planner;
import org.fluxmp.solver.plan.Plan;
import org.fluxmp.solver.plan.PlanTask;

/** The common end of rc1, rc3, run, load and remove: show the graph, print a dry run, or run the plan. */
final class PlanRunner {
    private PlanRunner() {}

    /** {@code --show-deps}: task -> predecessors as JSON; exits 0 even for a cyclic graph. */
    static int showDeps(Context ctx, Decisions d, java.util.Collection<String> units) {
        Map<String, Object> out = new LinkedHashMap<>();
        Planner.graph(d, units).predecessors().forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        ctx.out().println(PyJson.write(out));
        return FluxModprobe.OK;
    }

    static int execute(Context ctx, Plan plan, BrokerChoice brokers, RunOptions run, Map<String, String> extraEnv,
            Timing timing) {
        Map<String, String> env = new LinkedHashMap<>(ctx.env());
        env.putAll(extraEnv);
        RunState state = new RunState(plan, env);
        try (Broker broker = brokers.open()) {
            TaskRunner runner = new TaskRunner(broker, state, plan.rank(), ctx.out(), ctx.err(),
                    PlanRunner.class.getClassLoader());
            if (run.dryRun) {
                for (PlanTask t : plan.tasks()) {
                    ctx.out().println(runner.dryRunLine(t));
                }
                return FluxModprobe.OK;
            }
            if (!plan.env().isEmpty()) {
                broker.setenv(plan.env());
            }
            Executor exec = new Executor(runner, ctx.err(), run.verbose, timing == null ? System.nanoTime() : timing.t0);
            int rc = exec.run(plan);
            if (timing != null) {
                timing.finish(ctx, exec.timings(), plan.rank(), broker);
            }
            return rc;
        } catch (BrokerException e) {
            throw new ConfigException(e.getMessage());
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
