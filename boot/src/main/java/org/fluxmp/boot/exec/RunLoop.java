package org.fluxmp.boot.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;

/**
 * One run of a plan's loop: starts ready tasks up to the worker limit, accounts for the ones that
 * end, and enforces timeouts, the grace period after a stop request, and the reaping of tasks that
 * do not come back; then says how it went. The {@link Executor} starts the tasks' threads and
 * hears from them.
 */
final class RunLoop {
    /** A task that started and has not been accounted for. */
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

    private final Executor ex;
    private final List<PlanTask> tasks;
    private final ReadyTasks ready;
    private final int workers;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final List<String> completed = new ArrayList<>();
    private final List<String> stopped = new ArrayList<>();
    private boolean failed;
    private long graceAt = Long.MAX_VALUE;
    private boolean graceOver;
    private boolean stopSeen;

    RunLoop(Executor ex, Plan plan, ReadyTasks ready) {
        this.ex = ex;
        this.tasks = plan.tasks();
        this.ready = ready;
        this.workers = Math.max(1, plan.workers());
    }

    /** Runs until nothing runs and nothing may start. */
    RunResult run() {
        while (true) {
            noticeStop();
            while (!failed && ex.stopReason() == null && running.size() < workers && !ready.isEmpty()) {
                PlanTask t = ready.poll();
                long start = System.nanoTime();
                running.put(t.name(), new Running(t, ex.launch(t, start), start));
            }
            if (running.isEmpty()) {
                return result();
            }
            long now = System.nanoTime();
            long wake = graceOver ? Long.MAX_VALUE : graceAt;
            for (Running r : running.values()) {
                wake = Math.min(wake, r.cancelled == null ? r.timeoutAt : r.reapAt);
            }
            Object ev = wake == Long.MAX_VALUE ? ex.take() : ex.poll(Math.max(0, wake - now));
            now = System.nanoTime();
            // every task that has ended is accounted for before anything new starts: a failure
            // queued behind a success must stop the successors that success would start
            for (; ev instanceof Executor.Done; ev = ex.pollNow()) {
                ended((Executor.Done) ev);
            }
            checkDeadlines(now);
        }
    }

    /** A stop request, once: the grace period starts; a second request ends it now. */
    private void noticeStop() {
        String reason = ex.stopReason();
        if (reason != null && !stopSeen) {
            stopSeen = true;
            graceAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ex.graceMs());
            if (!running.isEmpty()) {
                ex.line("flux-modprobe: " + reason + ": starting nothing new; waiting up to "
                        + Executor.seconds3(ex.graceMs()) + " for " + running.size() + " running task"
                        + (running.size() == 1 ? "" : "s") + " (" + String.join(", ", running.keySet()) + ")");
            }
        }
        if (ex.stopNow()) {
            graceAt = Math.min(graceAt, System.nanoTime());
        }
    }

    /** Task D ended: done (its successors may become ready), stopped, or failed. */
    private void ended(Executor.Done d) {
        Running r = running.remove(d.task().name());
        if (r == null) {
            return; // an abandoned task came back late: already accounted for
        }
        String why = d.failure() == null ? null : d.failure().getMessage();
        if (r.timedOut) {
            why = r.cancelled;
        } else if (r.cancelled != null && why != null) {
            why = r.cancelled;
        }
        ex.finish(r.task, r.start, d.end(), why);
        if (why == null) {
            completed.add(r.task.name());
            ready.done(r.task.name());
        } else if (r.cancelled != null && !r.timedOut) {
            stopped.add(r.task.name());
        } else {
            failures.put(r.task.name(), why);
            failed = true;
        }
    }

    /** Timeouts, the end of the grace period, and tasks that never came back. */
    private void checkDeadlines(long now) {
        for (Running r : new ArrayList<>(running.values())) {
            if (r.cancelled == null && r.timeoutAt <= now) {
                cancel(r, "timed out after " + Executor.seconds3(r.task.timeoutMs()), true, now);
            } else if (r.cancelled == null && graceAt <= now) {
                cancel(r, "stopped (" + ex.stopReason() + ")", false, now);
            } else if (r.cancelled != null && r.reapAt <= now) {
                running.remove(r.task.name());
                String why = r.cancelled + "; did not stop within " + Executor.seconds3(ex.reapMs()) + ", abandoned";
                ex.finish(r.task, r.start, now, why);
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

    private void cancel(Running r, String why, boolean timeout, long now) {
        r.cancelled = why;
        r.timedOut = timeout;
        r.reapAt = now + TimeUnit.MILLISECONDS.toNanos(ex.reapMs());
        ex.stopTask(r.task);
        r.thread.interrupt();
    }

    private RunResult result() {
        List<String> notStarted = new ArrayList<>();
        for (PlanTask t : tasks) {
            if (!completed.contains(t.name()) && !failures.containsKey(t.name()) && !stopped.contains(t.name())) {
                notStarted.add(t.name());
            }
        }
        String stopReason = ex.stopReason();
        RunResult.Outcome outcome;
        if (stopReason != null && (!notStarted.isEmpty() || !stopped.isEmpty())) {
            outcome = RunResult.Outcome.STOPPED;
        } else if (failed) {
            outcome = RunResult.Outcome.FAILED;
        } else if (!notStarted.isEmpty()) {
            // nothing failed, yet some tasks never became ready: never report that as done
            ex.line("flux-modprobe: tasks never became ready: " + String.join(", ", notStarted));
            outcome = RunResult.Outcome.FAILED;
        } else {
            outcome = RunResult.Outcome.OK;
        }
        return new RunResult(outcome, completed, failures, stopped, notStarted, stopReason);
    }
}
