package org.fluxmp.boot.exec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;

/**
 * Runs a plan (SPEC 4.7): tasks start as soon as their predecessors are done, at most W at once,
 * ready tasks in the plan's priority order.
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

    /**
     * Which ready task goes first: the plan's priority order, or first come (tasks that became ready
     * at the same moment in random order): the baseline the schedule is measured against.
     */
    public enum ReadyOrder { PRIORITY, FIRST_COME }

    private final TaskRunner runner;
    private final PrintStream err;
    private final boolean verbose;
    private final long t0;
    private final List<Timing> timings = new ArrayList<>();
    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private long graceMs = DEFAULT_GRACE_MS;
    private long reapMs = DEFAULT_REAP_MS;
    private ReadyOrder readyOrder = ReadyOrder.PRIORITY;
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

    private record Done(PlanTask task, long end, TaskFailure failure) {}

    private static final class Running {
        final PlanTask task;
        final Thread thread;
        final long start;
        final long timeoutAt;
        String cancelled;
        boolean timedOut;
        long reapAt;

        Running(PlanTask task, Thread thread, long start) {
            this.task = task;
            this.thread = thread;
            this.start = start;
            this.timeoutAt = task.timeoutMs() > 0 ? start + TimeUnit.MILLISECONDS.toNanos(task.timeoutMs()) : Long.MAX_VALUE;
        }
    }

    /** Runs PLAN and says how it went. */
    public RunResult run(Plan plan) {
        List<PlanTask> tasks = plan.tasks();
        Map<String, Integer> position = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<PlanTask>> successors = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            position.put(tasks.get(i).name(), i);
        }
        for (PlanTask t : tasks) {
            int n = 0;
            for (String p : t.predecessors()) {
                if (position.containsKey(p)) {
                    List<PlanTask> after = successors.get(p);
                    if (after == null) {
                        after = new ArrayList<>();
                        successors.put(p, after);
                    }
                    after.add(t);
                    n++;
                }
            }
            waiting.put(t.name(), n);
        }
        Map<String, Long> readySince = new HashMap<>();
        Map<String, Integer> lottery = new HashMap<>();
        List<Integer> draws = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            draws.add(i);
        }
        java.util.Collections.shuffle(draws);
        for (int i = 0; i < tasks.size(); i++) {
            lottery.put(tasks.get(i).name(), draws.get(i));
        }
        Comparator<PlanTask> order = readyOrder == ReadyOrder.PRIORITY
                ? new ByRank(position, null) : new ByRank(readySince, lottery);
        PriorityQueue<PlanTask> ready = new PriorityQueue<>(order);
        long seq = 0;
        for (PlanTask t : tasks) {
            if (waiting.get(t.name()) == 0) {
                readySince.put(t.name(), seq);
                ready.add(t);
            }
        }
        int workers = Math.max(1, plan.workers());
        Map<String, Running> running = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> completed = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        boolean failed = false;
        long graceAt = Long.MAX_VALUE;
        boolean graceOver = false;
        boolean stopSeen = false;

        while (true) {
            if (stopReason != null && !stopSeen) {
                stopSeen = true;
                graceAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMs);
                if (!running.isEmpty()) {
                    err.printf("flux-modprobe: %s: starting nothing new; waiting up to %s for %d running task%s (%s)%n",
                            stopReason, seconds3(graceMs), running.size(), running.size() == 1 ? "" : "s",
                            String.join(", ", running.keySet()));
                    err.flush();
                }
            }
            if (stopNow) {
                graceAt = Math.min(graceAt, System.nanoTime());
            }
            while (!failed && stopReason == null && running.size() < workers && !ready.isEmpty()) {
                PlanTask t = ready.poll();
                running.put(t.name(), launch(t));
            }
            if (running.isEmpty()) {
                break;
            }
            long now = System.nanoTime();
            long wake = graceOver ? Long.MAX_VALUE : graceAt;
            for (Running r : running.values()) {
                wake = Math.min(wake, r.cancelled == null ? r.timeoutAt : r.reapAt);
            }
            Object ev = wake == Long.MAX_VALUE ? take() : poll(Math.max(0, wake - now));
            now = System.nanoTime();
            // every task that has ended is accounted for before anything new starts: a failure
            // queued behind a success must stop the successors that success would start
            for (; ev instanceof Done; ev = events.poll()) {
                Done d = (Done) ev;
                Running r = running.remove(d.task().name());
                if (r == null) {
                    continue; // an abandoned task came back late: already accounted for
                }
                String why = d.failure() == null ? null : d.failure().getMessage();
                if (r.timedOut) {
                    why = r.cancelled;
                } else if (r.cancelled != null && why != null) {
                    why = r.cancelled;
                }
                finish(r, d.end(), why);
                if (why == null) {
                    completed.add(r.task.name());
                    seq++;
                    for (PlanTask s : successors.getOrDefault(r.task.name(), List.of())) {
                        int left = waiting.get(s.name()) - 1;
                        waiting.put(s.name(), left);
                        if (left == 0) {
                            readySince.put(s.name(), seq);
                            ready.add(s);
                        }
                    }
                } else if (r.cancelled != null && !r.timedOut) {
                    stopped.add(r.task.name());
                } else {
                    failures.put(r.task.name(), why);
                    failed = true;
                }
            }
            // timeouts, the end of the grace period, and tasks that never came back
            for (Running r : new ArrayList<>(running.values())) {
                if (r.cancelled == null && r.timeoutAt <= now) {
                    cancel(r, "timed out after " + seconds3(r.task.timeoutMs()), true, now);
                } else if (r.cancelled == null && graceAt <= now) {
                    cancel(r, "stopped (" + stopReason + ")", false, now);
                } else if (r.cancelled != null && r.reapAt <= now) {
                    running.remove(r.task.name());
                    String why = r.cancelled + "; did not stop within " + seconds3(reapMs) + ", abandoned";
                    finish(r, now, why);
                    if (r.timedOut) {
                        failures.put(r.task.name(), why);
                        failed = true;
                    } else {
                        stopped.add(r.task.name());
                    }
                }
            }
            if (graceAt <= now) {
                graceOver = true;
            }
        }

        List<String> notStarted = new ArrayList<>();
        for (PlanTask t : tasks) {
            if (!completed.contains(t.name()) && !failures.containsKey(t.name()) && !stopped.contains(t.name())) {
                notStarted.add(t.name());
            }
        }
        timings.sort(BY_START);
        RunResult.Outcome outcome;
        if (stopReason != null && (!notStarted.isEmpty() || !stopped.isEmpty())) {
            outcome = RunResult.Outcome.STOPPED;
        } else if (failed) {
            outcome = RunResult.Outcome.FAILED;
        } else if (!notStarted.isEmpty()) {
            // nothing failed, yet some tasks never became ready: never report that as done
            err.println("flux-modprobe: tasks never became ready: " + String.join(", ", notStarted));
            err.flush();
            outcome = RunResult.Outcome.FAILED;
        } else {
            outcome = RunResult.Outcome.OK;
        }
        return new RunResult(outcome, completed, failures, stopped, notStarted, stopReason);
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

    /**
     * Ready tasks in order of a number per task (priority position, or the step it became ready
     * at), ties broken by a second number (a random draw) when given. A class, not a lambda:
     * nothing on the boot path is spun at run time.
     */
    private static final class ByRank implements Comparator<PlanTask> {
        private final Map<String, ? extends Number> first;
        private final Map<String, ? extends Number> second;

        ByRank(Map<String, ? extends Number> first, Map<String, ? extends Number> second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public int compare(PlanTask a, PlanTask b) {
            int c = Long.compare(first.get(a.name()).longValue(), first.get(b.name()).longValue());
            if (c != 0 || second == null) {
                return c;
            }
            return Long.compare(second.get(a.name()).longValue(), second.get(b.name()).longValue());
        }
    }

    private static final Comparator<Timing> BY_START = new Comparator<Timing>() {
        @Override
        public int compare(Timing a, Timing b) {
            return Double.compare(a.starttime(), b.starttime());
        }
    };

    private Running launch(PlanTask t) {
        long start = System.nanoTime();
        if (verbose) {
            line("start " + t.name() + " (" + millis3(seconds(start)) + "s)");
        }
        Thread th = new Thread(new TaskBody(t), "task " + t.name());
        th.setDaemon(true);
        Running r = new Running(t, th, start);
        th.start();
        return r;
    }

    private void cancel(Running r, String why, boolean timeout, long now) {
        r.cancelled = why;
        r.timedOut = timeout;
        r.reapAt = now + TimeUnit.MILLISECONDS.toNanos(reapMs);
        runner.stop(r.task);
        r.thread.interrupt();
    }

    private void finish(Running r, long end, String failure) {
        timings.add(new Timing(r.task.name(), seconds(r.start), (end - r.start) / 1e9));
        if (failure != null) {
            line(r.task.name() + ": " + failure);
        } else if (verbose) {
            line("completed " + r.task.name() + " (" + millis3(seconds(end)) + "s, took " + millis3((end - r.start) / 1e9) + "s)");
        }
    }

    private void line(String s) {
        synchronized (err) {
            err.println(s);
            err.flush();
        }
    }

    /** The next event; only called while a task runs, and every task posts one when it ends. */
    private Object take() {
        while (true) {
            try {
                return events.take();
            } catch (InterruptedException e) {
                // keep going: running tasks must be accounted for before we return
            }
        }
    }

    /** The next event within NANOS (at least 0: a deadline that has passed returns at once), or null. */
    private Object poll(long nanos) {
        while (true) {
            try {
                return events.poll(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // as in take()
            }
        }
    }

    private static String seconds3(long ms) {
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
