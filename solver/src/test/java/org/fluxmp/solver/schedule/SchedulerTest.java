package org.fluxmp.solver.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SPEC 7: schedules are valid (checked independently), never worse than first-come or
 * longest-remaining-path list scheduling, never below the lower bound, reproduced by the runner's
 * list scheduling in their start order, and proven optimal on every random plan of up to 12 tasks
 * (layered, sparse or unordered), optimal meaning no priority order does better.
 * Time limits here are generous so that a loaded machine cannot change a result; nothing is timed.
 */
class SchedulerTest {
    /** Far more than any of these plans needs: results must not depend on the machine's speed. */
    static final long GENEROUS_MS = 60_000;

    @Test
    void listSchedulesAreValid() {
        Random r = new Random(11);
        for (int k = 0; k < 200; k++) {
            TaskGraph g = RandomPlans.layered(r, 1 + r.nextInt(40));
            int w = 1 + r.nextInt(5);
            ScheduleCheck.valid(g, w, asSchedule(g, ListScheduling.firstCome(g, w)));
            ScheduleCheck.valid(g, w, asSchedule(g, ListScheduling.longestPath(g, w)));
        }
    }

    @Test
    void schedulesAreValidAndNeverWorseThanEitherListSchedule() {
        Random r = new Random(12);
        for (int k = 0; k < 120; k++) {
            TaskGraph g = RandomPlans.any(r, 1 + r.nextInt(30));
            int w = 1 + r.nextInt(4);
            // a short limit: whatever the search gets done, the result must hold
            Schedule s = Scheduler.schedule(g, w, 20);
            ScheduleCheck.valid(g, w, s);
            assertTrue(s.makespan() <= ListScheduling.firstCome(g, w).makespan(), "not worse than first-come");
            assertTrue(s.makespan() <= ListScheduling.longestPath(g, w).makespan(), "not worse than longest path");
            assertTrue(s.makespan() >= s.lowerBound(), "not below the lower bound");
        }
    }

    @Test
    void theRunnerReproducesTheScheduleFromItsStartOrder() {
        Random r = new Random(13);
        for (int k = 0; k < 80; k++) {
            TaskGraph g = RandomPlans.any(r, 2 + r.nextInt(20));
            int w = 2 + r.nextInt(2);
            Schedule s = Scheduler.schedule(g, w, 20);
            int[] order = s.order().stream().mapToInt(name -> indexOf(g, name)).toArray();
            Timetable replay = ListScheduling.replay(g, w, order);
            for (Schedule.Slot slot : s.slots()) {
                assertEquals(slot.start(), replay.start()[indexOf(g, slot.name())], slot.name());
            }
            assertEquals(s.makespan(), replay.makespan(), "the predicted makespan");
        }
    }

    @Test
    void everyPlanOfUpToTwelveTasksIsProvenOptimal() {
        provenOptimal(new Random(14), 150, 3, RandomPlans::any);
    }

    @Test
    void everyPlanWithoutOrderingsOfUpToTwelveTasksIsProvenOptimal() {
        provenOptimal(new Random(18), 60, 4, RandomPlans::unordered);
    }

    /** PLANS plans of 2 to 12 tasks from SHAPE, on 2 to MAX_WORKERS workers: each one proven optimal. */
    private static void provenOptimal(Random r, int plans, int maxWorkers,
            java.util.function.BiFunction<Random, Integer, TaskGraph> shape) {
        for (int k = 0; k < plans; k++) {
            int n = 2 + r.nextInt(11);
            int w = 2 + r.nextInt(maxWorkers - 1);
            Schedule s = Scheduler.schedule(shape.apply(r, n), w, GENEROUS_MS);
            assertEquals("optimal", s.method(), "plan " + k + ": " + n + " tasks on " + w + " workers");
        }
    }

    @Test
    void provenOptimumIsTheBestOfAllPriorityOrders() {
        Random r = new Random(15);
        for (int k = 0; k < 60; k++) {
            TaskGraph g = RandomPlans.any(r, 2 + r.nextInt(7));
            int w = 2 + r.nextInt(2);
            Schedule s = Scheduler.schedule(g, w, GENEROUS_MS);
            assertEquals("optimal", s.method());
            assertEquals(BruteForce.bestListMakespan(g, w), s.makespan(), "plan " + k);
        }
    }

    @Test
    void interchangeableTasksAreProvenOptimal() {
        // twelve equal independent tasks on five workers: ceil(12 / 5) rounds of 10 ms
        Schedule s = Scheduler.schedule(RandomPlans.independent(12, 10), 5, GENEROUS_MS);
        assertEquals(30, s.makespan());
        assertEquals("optimal", s.method());
    }

    @Test
    void aPackingListSchedulingMissesIsFound() {
        // 3, 3, 2, 2, 2 on two workers: the bound is 6, and {3, 3} {2, 2, 2} reaches it; list scheduling gets 7
        TaskGraph g = RandomPlans.independent(5, 3, 3, 2, 2, 2);
        assertEquals(7, ListScheduling.longestPath(g, 2).makespan());
        Schedule s = Scheduler.schedule(g, 2, GENEROUS_MS);
        assertEquals(6, s.makespan());
        assertEquals("optimal", s.method());
    }

    @Test
    void withoutTimeTheBetterListScheduleIsKept() {
        Random r = new Random(16);
        for (int k = 0; k < 50; k++) {
            TaskGraph g = RandomPlans.layered(r, 5 + r.nextInt(20));
            Schedule s = Scheduler.schedule(g, 2, 0);
            long best = Math.min(ListScheduling.firstCome(g, 2).makespan(), ListScheduling.longestPath(g, 2).makespan());
            assertEquals(best, s.makespan());
            assertEquals(best == s.lowerBound() ? "optimal" : "list", s.method());
        }
    }

    @Test
    void largePlansAreListScheduled() {
        TaskGraph g = RandomPlans.layered(new Random(17), Scheduler.SEARCH_SIZE_LIMIT + 100);
        Schedule s = Scheduler.schedule(g, 3, GENEROUS_MS);
        ScheduleCheck.valid(g, 3, s);
        assertTrue(List.of("list", "optimal").contains(s.method()), s.method());
    }

    @Test
    void lowerBoundIsTheCriticalPathOrTheWorkPerWorker() {
        Map<String, List<String>> preds = new LinkedHashMap<>();
        preds.put("a", List.of());
        preds.put("b", List.of("a"));
        preds.put("c", List.of());
        Map<String, Long> ms = Map.of("a", 10L, "b", 20L, "c", 5L);
        TaskGraph g = TaskGraph.of(preds, ms::get);
        assertEquals(30, g.criticalPathLength());
        assertEquals(List.of("a", "b"), g.criticalPath());
        assertEquals(35, g.lowerBound(1));
        assertEquals(30, g.lowerBound(2));
    }

    @Test
    void emptyPlanHasAnEmptySchedule() {
        Schedule s = Scheduler.schedule(TaskGraph.of(Map.of(), t -> 1), 4, GENEROUS_MS);
        assertEquals(0, s.makespan());
        assertEquals(List.of(), s.criticalPath());
        assertEquals("optimal", s.method());
    }

    @Test
    void estimatesBelowOneMillisecondCountAsOne() {
        TaskGraph g = TaskGraph.of(Map.of("a", List.of()), t -> 0);
        assertEquals(1, g.duration(0));
    }

    static int indexOf(TaskGraph g, String name) {
        for (int i = 0; i < g.size(); i++) {
            if (g.name(i).equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static Schedule asSchedule(TaskGraph g, Timetable t) {
        List<Schedule.Slot> slots = new ArrayList<>();
        for (int i : t.startOrder()) {
            slots.add(new Schedule.Slot(g.name(i), t.start()[i], t.start()[i] + g.duration(i), t.worker()[i]));
        }
        return new Schedule(slots, t.makespan(), g.lowerBound(1), g.criticalPath(), g.criticalPathLength(), "list", 1, 0);
    }
}
