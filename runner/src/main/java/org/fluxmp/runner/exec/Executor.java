package org.fluxmp.runner.exec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fluxmp.solver.plan.Plan;
import org.fluxmp.solver.plan.PlanTask;

/**
 * Runs a plan (SPEC 4.7): tasks start as soon as their predecessors are done, at most W at once,
 * ready tasks in the plan's priority order. After a failure nothing new starts, running tasks
 * finish, and the run fails. The loop ends when nothing runs and nothing can start, so a finished
 * plan never hangs.
 */
public final class Executor {
    /** One task's measured run, times in seconds from the start of the tool. */
    public record Timing(String name, double starttime, double duration) {}

    private final TaskRunner runner;
    private final PrintStream err;
    private final boolean verbose;
    private final long t0;
    private final List<Timing> timings = new ArrayList<>();

    public Executor(TaskRunner runner, PrintStream err, boolean verbose, long t0Nanos) {
        this.runner = runner;
        this.err = err;
        this.verbose = verbose;
        this.t0 = t0Nanos;
    }

    private record Done(PlanTask task, long start, long end, TaskFailure failure) {}

    /** Runs PLAN; returns 0 on success, 1 if any task failed. */
    public int run(Plan plan) {
        List<PlanTask> tasks = plan.tasks();
        if (tasks.isEmpty()) {
            return 0;
        }
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
                    successors.computeIfAbsent(p, k -> new ArrayList<>()).add(t);
                    n++;
                }
            }
            waiting.put(t.name(), n);
        }
        PriorityQueue<PlanTask> ready = new PriorityQueue<>((a, b) -> Integer.compare(position.get(a.name()), position.get(b.name())));
        for (PlanTask t : tasks) {
            if (waiting.get(t.name()) == 0) {
                ready.add(t);
            }
        }
        int workers = Math.max(1, Math.min(plan.workers(), tasks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "task");
            th.setDaemon(true);
            return th;
        });
        CompletionService<Done> cs = new ExecutorCompletionService<>(pool);
        int running = 0;
        boolean failed = false;
        Map<String, Done> done = new LinkedHashMap<>();
        try {
            while (true) {
                while (!failed && running < workers && !ready.isEmpty()) {
                    PlanTask t = ready.poll();
                    if (verbose) {
                        err.printf("start %s (%.3fs)%n", t.name(), seconds(System.nanoTime()));
                    }
                    cs.submit(() -> {
                        long s = System.nanoTime();
                        try {
                            runner.run(t);
                            return new Done(t, s, System.nanoTime(), null);
                        } catch (TaskFailure f) {
                            return new Done(t, s, System.nanoTime(), f);
                        } catch (RuntimeException ex) {
                            return new Done(t, s, System.nanoTime(), new TaskFailure(String.valueOf(ex)));
                        }
                    });
                    running++;
                }
                if (running == 0) {
                    break;
                }
                Done d = take(cs);
                running--;
                done.put(d.task().name(), d);
                if (d.failure() != null) {
                    err.println(d.task().name() + ": " + d.failure().getMessage());
                    err.flush();
                    failed = true;
                    continue;
                }
                if (verbose) {
                    err.printf("completed %s (%.3fs, took %.3fs)%n", d.task().name(), seconds(d.end()),
                            (d.end() - d.start()) / 1e9);
                }
                for (PlanTask s : successors.getOrDefault(d.task().name(), List.of())) {
                    if (waiting.merge(s.name(), -1, Integer::sum) == 0) {
                        ready.add(s);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Done> sorted = new ArrayList<>(done.values());
        sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (Done d : sorted) {
            timings.add(new Timing(d.task().name(), seconds(d.start()), (d.end() - d.start()) / 1e9));
        }
        return failed ? 1 : 0;
    }

    private static Done take(CompletionService<Done> cs) {
        while (true) {
            try {
                Future<Done> f = cs.take();
                return f.get();
            } catch (InterruptedException e) {
                // keep waiting: a running task must be accounted for before we return
                Thread.interrupted();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private double seconds(long nanos) {
        return (nanos - t0) / 1e9;
    }

    public List<Timing> timings() {
        return timings;
    }
}
