package org.fluxmp.solver.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * SPEC 7: orders a plan's tasks for W workers. First-come and longest-remaining-path list
 * scheduling give a first schedule; unless it already meets the lower bound ({@link PlanBound}),
 * perturbed longest-path orders, then on plans of up to {@link ListScheduleSearch#MAX_TASKS} tasks
 * the number-partitioning search ({@link PartitionSearch}), the local search ({@link OrderSwaps})
 * and the exact search over priority orders ({@link ListScheduleSearch}), on larger plans the local
 * search and Choco ({@link ChocoScheduler}), look for a shorter one, until the time limit or a
 * proof. The result is never worse than either list schedule, and it is what the runner does: every
 * candidate is a list schedule, replayed in its start order as the runner would run it on the
 * estimates. It is "optimal" only when proven so among those: it meets the lower bound, which
 * holds for every schedule, or an exhaustive search found no shorter list schedule.
 */
public final class Scheduler {
    /** The default time limit of the search (SPEC 7). */
    public static final long DEFAULT_TIME_LIMIT_MS = 200;
    /**
     * Plans larger than this are list-scheduled only: on large plans longest-remaining-path is
     * already within a fraction of a percent of the lower bound, and a search would cost more than
     * it could gain.
     */
    public static final int SEARCH_SIZE_LIMIT = 400;
    /** Perturbed list schedules tried first (fewer on larger plans). */
    static final int PERTURBED_WORK = 100_000;
    /**
     * Changes the local search tries before the exact search (within a third of the limit), so
     * that a long limit does not hold up a proof; it gets the rest of the limit if there is no proof.
     */
    static final long SWAPS = 50_000;

    private Scheduler() {}

    /**
     * Schedules G on WORKERS workers, searching for at most TIME_LIMIT_MS (0: list scheduling
     * only) and no longer than it takes to prove the schedule optimal. On plans Choco is given,
     * loading it and building its model come on top of the limit (tens of milliseconds).
     */
    public static Schedule schedule(TaskGraph g, int workers, long timeLimitMs) {
        long began = System.nanoTime();
        int w = Math.max(1, Math.min(workers, Math.max(1, g.size())));
        Timetable first = better(ListScheduling.firstCome(g, w), ListScheduling.longestPath(g, w));
        Search s = new Search(g, w, first, PlanBound.of(g, w));
        if (s.open() && timeLimitMs > 0 && g.size() <= SEARCH_SIZE_LIMIT) {
            long limit = timeLimitMs * 1_000_000L;
            s.perturbed();
            boolean exact = g.size() <= ListScheduleSearch.MAX_TASKS;
            if (exact) {
                s.partition(began + limit / (g.unordered() ? 2 : 4));
                s.swaps(began + limit / 3, SWAPS);
                s.exact(began + limit * 2 / 3);
                s.swaps(began + limit, Long.MAX_VALUE);
            } else {
                s.swaps(began + limit / 3, SWAPS);
                s.choco(began + limit);
            }
        }
        String method = s.best.makespan() <= s.lower || s.complete ? "optimal"
                : s.best.makespan() < first.makespan() ? "best-in-time" : "list";
        return result(g, s.best, s.lower, method, workers, System.nanoTime() - began);
    }

    /** The best schedule so far, the best lower bound, and whether the best is proven optimal; each step improves them. */
    private static final class Search {
        private final TaskGraph g;
        private final int w;
        Timetable best;
        long lower;
        boolean complete;

        Search(TaskGraph g, int w, Timetable best, long lower) {
            this.g = g;
            this.w = w;
            this.best = best;
            this.lower = lower;
        }

        boolean open() {
            return best.makespan() > lower && !complete;
        }

        /** Perturbed longest-path list schedules: cheap, and on most plans they reach the bound at once. */
        void perturbed() {
            Random random = new Random(1);
            int tries = Math.min(1000, PERTURBED_WORK / g.size());
            for (int k = 0; k < tries && open(); k++) {
                best = better(ListScheduling.perturbed(g, w, random, 1.0), best);
            }
        }

        /**
         * The tasks as a number-partitioning problem: its optimum bounds every schedule, and its
         * partition often gives a priority order that meets it; without orderings it is the whole problem.
         */
        void partition(long deadline) {
            if (open()) {
                PartitionSearch.Result p = PartitionSearch.search(g, w, best.makespan(), lower, deadline);
                lower = Math.max(lower, p.lower());
                if (p.worker() != null) {
                    best = better(ListScheduling.replay(g, w, p.order(g)), best);
                }
            }
        }

        /** The local search, for at most TRIES changes. */
        void swaps(long deadline, long tries) {
            if (open()) {
                best = OrderSwaps.improve(g, w, best, lower, new Random(2), deadline, tries);
            }
        }

        /** The exact search over priority orders; complete, it proves the best schedule optimal. */
        void exact(long deadline) {
            if (open()) {
                ListScheduleSearch.Result r = ListScheduleSearch.search(g, w, best.makespan(), lower, rank(best), deadline);
                if (r.order() != null) {
                    Timetable replayed = ListScheduling.replay(g, w, r.order());
                    // trust a proof only if the runner reproduces the schedule
                    complete = r.complete() && replayed.makespan() == r.makespan();
                    best = better(replayed, best);
                } else {
                    complete = r.complete();
                }
            }
        }

        /** Choco's model of the plan (larger plans than the exact search takes). */
        void choco(long deadline) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (open() && best.makespan() < Integer.MAX_VALUE / 2 && left > 0) {
                ChocoScheduler.Result r = ChocoScheduler.improve(g, w, best.makespan(), lower, left, rank(best));
                complete = r.complete();
                if (r.starts() != null) {
                    Timetable replayed = ListScheduling.replay(g, w, order(r.starts()));
                    // the search keeps to schedules list scheduling reproduces; trust a proof only if this one did
                    complete &= replayed.makespan() == makespan(g, r.starts());
                    best = better(replayed, best);
                }
            }
        }
    }

    private static Timetable better(Timetable candidate, Timetable best) {
        return candidate.makespan() < best.makespan() ? candidate : best;
    }

    private static long makespan(TaskGraph g, long[] starts) {
        long end = 0;
        for (int i = 0; i < starts.length; i++) {
            end = Math.max(end, starts[i] + g.duration(i));
        }
        return end;
    }

    private static int[] rank(Timetable t) {
        Integer[] order = t.startOrder();
        int[] rank = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k;
        }
        return rank;
    }

    private static int[] order(long[] starts) {
        Integer[] idx = new Integer[starts.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingLong(i -> starts[i]).thenComparingInt(i -> i));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static Schedule result(TaskGraph g, Timetable t, long lower, String method, int workers, long nanos) {
        List<Schedule.Slot> slots = new ArrayList<>();
        for (int i : t.startOrder()) {
            slots.add(new Schedule.Slot(g.name(i), t.start()[i], t.start()[i] + g.duration(i), t.worker()[i]));
        }
        return new Schedule(slots, t.makespan(), lower, g.criticalPath(), g.criticalPathLength(), method, workers,
                nanos / 1_000L);
    }
}
