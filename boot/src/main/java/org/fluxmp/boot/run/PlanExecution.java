package org.fluxmp.boot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.ErrorKind;
import org.fluxmp.boot.ExitCode;
import org.fluxmp.boot.broker.Broker;
import org.fluxmp.boot.broker.BrokerChoice;
import org.fluxmp.boot.broker.BrokerException;
import org.fluxmp.boot.exec.DurationHistory;
import org.fluxmp.boot.exec.Executor;
import org.fluxmp.boot.exec.RunResult;
import org.fluxmp.boot.exec.RunState;
import org.fluxmp.boot.exec.TaskClasses;
import org.fluxmp.boot.exec.TaskEnvironment;
import org.fluxmp.boot.exec.TaskRunner;
import org.fluxmp.boot.plan.Durations;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;

/** The common end of rc1, rc3, run, load and remove, planned or cached: print a dry run, or run the plan. */
public final class PlanExecution {
    private PlanExecution() {}

    public static int execute(Context ctx, Plan plan, BrokerChoice brokers, RunSettings run, Map<String, String> extraEnv,
            RunTiming timing, Job job) {
        Map<String, String> env = TaskEnvironment.of(ctx.env(), ctx.strict());
        env.putAll(extraEnv);
        RunState state = new RunState(plan, env);
        try (Broker broker = brokers.open()) {
            TaskRunner runner = new TaskRunner(broker, state, plan.rank(), ctx.out(), ctx.err(),
                    TaskClasses.loader(job.javaTaskDirs(), PlanExecution.class.getClassLoader(), ctx.strict()), job.facts(), run.verbose());
            if (run.dryRun()) {
                for (PlanTask t : plan.tasks()) {
                    ctx.out().println(runner.dryRunLine(t));
                }
                return ExitCode.OK;
            }
            if (!plan.env().isEmpty()) {
                broker.setenv(plan.env());
            }
            long t0 = timing == null ? System.nanoTime() : timing.t0;
            Executor exec = new Executor(runner, ctx.err(), run.verbose(), t0).graceMs(graceMs(ctx))
                    .readyOrder(readyOrder(ctx)).seed(readySeed(ctx));
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
                timing.finish(exec.timings(), plan.rank(), broker);
            }
            if (job.defaultSim()) {
                ctx.err().println(RunSummary.line(job.what(), plan, result, elapsedMs));
            }
            return exitCode(result);
        } catch (BrokerException e) {
            throw ToolException.broker(e.getMessage());
        }
    }

    private static void recordDurations(Context ctx, Job job, Plan plan, Executor exec, RunResult result) {
        List<String> names = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            names.add(t.name());
        }
        DurationHistory.Key key = DurationHistory.Key.of(job.what(), job.brokerKind(), plan.rank(), names);
        java.util.Optional<DurationHistory> history = DurationHistory.locate(ctx.env());
        if (history.isPresent()) {
            history.get().record(key, exec.timings(), result.completed());
        }
    }

    /** 0 done, a task failed ({@link ErrorKind#TASK}), 128+N stopped by signal N (as a shell reports a process killed by it). */
    public static int exitCode(RunResult r) {
        switch (r.outcome()) {
            case OK:
                return ExitCode.OK;
            case STOPPED:
                return StopSignals.exitCode(r.stopReason());
            default:
                return ErrorKind.TASK.status();
        }
    }

    /**
     * FLUX_MODPROBE_READY_ORDER=first-come starts ready tasks in the order they became ready instead
     * of the schedule's: the baseline for measuring what the schedule buys (bench/rc1-makespan.sh).
     */
    public static Executor.ReadyOrder readyOrder(Context ctx) {
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

    /**
     * FLUX_MODPROBE_READY_SEED (an integer): the seed of first-come order's draw among tasks that
     * became ready together, else {@link Executor#DEFAULT_SEED}, so that runs are reproducible; a
     * benchmark of first-come order varies it from run to run.
     */
    public static long readySeed(Context ctx) {
        String v = ctx.env().getOrDefault("FLUX_MODPROBE_READY_SEED", "");
        if (v.isBlank()) {
            return Executor.DEFAULT_SEED;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("FLUX_MODPROBE_READY_SEED: expected an integer, got '" + v + "'");
        }
    }

    /** FLUX_MODPROBE_STOP_GRACE (e.g. 5s, 500ms): how long running tasks may finish after SIGTERM/SIGINT. */
    public static long graceMs(Context ctx) {
        String v = ctx.env().get("FLUX_MODPROBE_STOP_GRACE");
        if (v == null || v.isBlank()) {
            return Executor.DEFAULT_GRACE_MS;
        }
        try {
            return Durations.parseMillis(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("FLUX_MODPROBE_STOP_GRACE: invalid duration '" + v + "' (expected e.g. 5s, 500ms)");
        }
    }
}
