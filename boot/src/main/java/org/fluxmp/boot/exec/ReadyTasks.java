package org.fluxmp.boot.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.fluxmp.boot.plan.PlanTask;

/**
 * The tasks of one run that may start: each waits until its predecessors (those in the plan) are
 * done, and ready ones come out in the plan's priority order, or first come (tasks that became
 * ready at the same step in an order drawn from a seed).
 */
final class ReadyTasks {
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Map<String, List<PlanTask>> successors = new HashMap<>();
    private final Map<String, Long> readySince = new HashMap<>();
    private final PriorityQueue<PlanTask> ready;
    private long step;

    ReadyTasks(List<PlanTask> tasks, Executor.ReadyOrder order, long seed) {
        Map<String, Integer> position = new HashMap<>();
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
        ready = new PriorityQueue<>(order == Executor.ReadyOrder.PRIORITY
                ? new ByRank(position, null) : new ByRank(readySince, lottery(tasks, seed)));
        for (PlanTask t : tasks) {
            if (waiting.get(t.name()) == 0) {
                readySince.put(t.name(), step);
                ready.add(t);
            }
        }
    }

    /** A distinct number per task, shuffled with SEED: the same seed draws the same order. */
    static Map<String, Integer> lottery(List<PlanTask> tasks, long seed) {
        List<Integer> draws = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            draws.add(i);
        }
        Collections.shuffle(draws, new Random(seed));
        Map<String, Integer> lottery = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            lottery.put(tasks.get(i).name(), draws.get(i));
        }
        return lottery;
    }

    boolean isEmpty() {
        return ready.isEmpty();
    }

    /** The next task to start. */
    PlanTask poll() {
        return ready.poll();
    }

    /** NAME is done: those that waited for it last become ready, all at one new step. */
    void done(String name) {
        step++;
        for (PlanTask s : successors.getOrDefault(name, List.of())) {
            int left = waiting.get(s.name()) - 1;
            waiting.put(s.name(), left);
            if (left == 0) {
                readySince.put(s.name(), step);
                ready.add(s);
            }
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
}
