package org.fluxmp.boot.exec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;

/**
 * Runs a plan (SPEC 4.7): tasks start as soon as their predecessors are done, at most W at once,
 * ready tasks in the plan's priority order ({@link ReadyTasks}; the loop is {@link RunLoop}'s).
 *
 * <p>After a failure nothing new starts and running tasks finish. A task over its {@code timeout}
 * is stopped (its process tree killed, its thread interrupted) and fails. {@link #stop} (a signal)
 * starts nothing new, gives running tasks a grace period, then stops them.
 *
 * <p>It never hangs: the loop ends when nothing runs and nothing may start, and a task that does
 * not come back within a second of being stopped is abandoned (its thread is a daemon) and
 * counted as failed.
 */
public final class Executor {
    /** One task's measured run, times in seconds from the start of the tool. */
    public record Timing(String name, double starttime, double duration) {}

    /** How long a stopped task may take to come back before it is abandoned. */
    static final long DEFAULT_REAP_MS = 1000;

    /** Default grace period for running tasks after a stop request (SIGTERM/SIGINT). */
    public static final long DEFAULT_GRACE_MS = 5000;

    /** The default seed of first-come order's draw: a fixed one, so that runs are reproducible. */
    public static final long DEFAULT_SEED = 14;

    /**
     * Which ready task goes first: the plan's priority order, or first come (tasks that became ready
     * at the same moment in an order drawn from the {@link #seed}): the baseline the schedule is
     * measured against.
     */
    public enum ReadyOrder { PRIORITY, FIRST_COME }

    /** A task's thread has ended: at END, with FAILURE (null: it succeeded). */
    record Done(PlanTask task, long end, TaskFailure failure) {}

    private final TaskRunner runner;
    private final PrintStream err;
    private final boolean verbose;
    private final long t0;
    private final List<Timing> timings = new ArrayList<>();
    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private long graceMs = DEFAULT_GRACE_MS;
    private long reapMs = DEFAULT_REAP_MS;
    private ReadyOrder readyOrder = ReadyOrder.PRIORITY;
    private long seed = DEFAULT_SEED;
    private volatile String stopReason;
    private volatile boolean stopNow;

    public Executor(TaskRunner runner, PrintStream err, boolean verbose, long t0Nanos) {
        this.runner = runner;
        this.err = err;
        this.verbose = verbose;
        this.t0 = t0Nanos;
    }

    public Executor graceMs(long ms) {
        this.graceMs = Math.max(0, ms);
        return this;
    }

    Executor reapMs(long ms) {
        this.reapMs = ms;
        return this;
    }

    public Executor readyOrder(ReadyOrder order) {
        this.readyOrder = order;
        return this;
    }

    /**
     * The seed of first-come order's draw among tasks that became ready at the same step (default
     * {@link #DEFAULT_SEED}): the same seed, the same order. A run takes it from
     * {@code FLUX_MODPROBE_READY_SEED} (see {@code PlanExecution.readySeed}); tests pass their own.
     */
    public Executor seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Asks a run to stop (from any thread, e.g. a signal handler): nothing new starts, running
     * tasks get the grace period, then are stopped. A second request stops them at once. Before
     * {@link #run} it makes the run start nothing.
     */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        } else {
            stopNow = true;
        }
        events.add(reason);
    }

    /** Runs PLAN and says how it went. */
    public RunResult run(Plan plan) {
        RunResult result = new RunLoop(this, plan, new ReadyTasks(plan.tasks(), readyOrder, seed)).run();
        timings.sort(BY_START);
        return result;
    }

    String stopReason() {
        return stopReason;
    }

    boolean stopNow() {
        return stopNow;
    }

    long graceMs() {
        return graceMs;
    }

    long reapMs() {
        return reapMs;
    }

    /** A task's thread: runs the body, then always tells the loop how it ended. */
    private final class TaskBody implements Runnable {
        private final PlanTask t;

        TaskBody(PlanTask t) {
            this.t = t;
        }

        @Override
        public void run() {
            TaskFailure failure = null;
            try {
                runner.run(t);
            } catch (TaskFailure f) {
                failure = f;
            } catch (Throwable ex) {
                // whatever a body throws, the loop must hear back from it
                failure = new TaskFailure(ex.getMessage() != null ? ex.getMessage() : ex.toString());
            }
            events.add(new Done(t, System.nanoTime(), failure));
        }
    }

    private static final Comparator<Timing> BY_START = new Comparator<Timing>() {
        @Override
        public int compare(Timing a, Timing b) {
            return Double.compare(a.starttime(), b.starttime());
        }
    };

    /** Starts T's thread, which posts a {@link Done} when it ends; START is when the task counts as started. */
    Thread launch(PlanTask t, long start) {
        if (verbose) {
            line("start " + t.name() + " (" + millis3(seconds(start)) + "s)");
        }
        Thread th = new Thread(new TaskBody(t), "task " + t.name());
        th.setDaemon(true);
        th.start();
        return th;
    }

    /** Kills the processes of T (its thread is the loop's to interrupt). */
    void stopTask(PlanTask t) {
        runner.stop(t);
    }

    /** Records the run of T from START to END, and says how it ended (FAILURE, or with -v that it completed). */
    void finish(PlanTask t, long start, long end, String failure) {
        timings.add(new Timing(t.name(), seconds(start), (end - start) / 1e9));
        if (failure != null) {
            line(t.name() + ": " + failure);
        } else if (verbose) {
            line("completed " + t.name() + " (" + millis3(seconds(end)) + "s, took " + millis3((end - start) / 1e9) + "s)");
        }
    }

    void line(String s) {
        synchronized (err) {
            err.println(s);
            err.flush();
        }
    }

    /** The next event; only called while a task runs, and every task posts one when it ends. */
    Object take() {
        while (true) {
            try {
                return events.take();
            } catch (InterruptedException e) {
                // keep going: running tasks must be accounted for before we return
            }
        }
    }

    /** The next event within NANOS (at least 0: a deadline that has passed returns at once), or null. */
    Object poll(long nanos) {
        while (true) {
            try {
                return events.poll(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // as in take()
            }
        }
    }

    /** The next event if one is queued, else null. */
    Object pollNow() {
        return events.poll();
    }

    static String seconds3(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + "s" : millis3(ms / 1000.0) + "s";
    }

    /** SECONDS with three decimals, as %.3f prints it, without java.util.Formatter (regex, locale data). */
    public static String millis3(double seconds) {
        long ms = Math.round(seconds * 1000);
        String sign = ms < 0 ? "-" : "";
        ms = Math.abs(ms);
        long frac = ms % 1000;
        return sign + (ms / 1000) + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
    }

    private double seconds(long nanos) {
        return (nanos - t0) / 1e9;
    }

    /** Every task that started, in order of start, with its measured start and duration. */
    public List<Timing> timings() {
        return timings;
    }
}
