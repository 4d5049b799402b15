package org.fluxmp.solver.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a schedule against its graph without the scheduler's code: what any valid schedule must satisfy. */
final class ScheduleCheck {
    private ScheduleCheck() {}

    static void valid(TaskGraph g, int workers, Schedule s) {
        Map<String, Schedule.Slot> by = new HashMap<>();
        for (Schedule.Slot slot : s.slots()) {
            assertTrue(by.put(slot.name(), slot) == null, slot.name() + " scheduled twice");
        }
        assertEquals(g.size(), by.size(), "every task scheduled once");
        long makespan = 0;
        for (int i = 0; i < g.size(); i++) {
            Schedule.Slot slot = by.get(g.name(i));
            assertTrue(slot.start() >= 0, slot.toString());
            assertEquals(slot.start() + g.duration(i), slot.end(), slot + " lasts its duration");
            assertTrue(slot.worker() >= 0 && slot.worker() < workers, slot + " on one of " + workers + " workers");
            makespan = Math.max(makespan, slot.end());
            for (int p : g.predecessors(i)) {
                Schedule.Slot before = by.get(g.name(p));
                assertTrue(before.end() <= slot.start(), before + " ends before " + slot + " starts");
            }
        }
        assertEquals(makespan, s.makespan(), "makespan is the last end");
        // at most W at once, and never two at once on one worker
        List<long[]> events = new ArrayList<>();
        for (Schedule.Slot slot : s.slots()) {
            events.add(new long[] {slot.start(), 1});
            events.add(new long[] {slot.end(), -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int running = 0;
        for (long[] e : events) {
            running += (int) e[1];
            assertTrue(running <= workers, "more than " + workers + " tasks at " + e[0]);
        }
        for (Schedule.Slot a : s.slots()) {
            for (Schedule.Slot b : s.slots()) {
                if (a != b && a.worker() == b.worker()) {
                    assertTrue(a.end() <= b.start() || b.end() <= a.start(), a + " and " + b + " overlap on a worker");
                }
            }
        }
        // start order: the runner's priority order
        for (int k = 1; k < s.slots().size(); k++) {
            assertTrue(s.slots().get(k - 1).start() <= s.slots().get(k).start(), "slots in start order");
        }
        Set<String> seen = new HashSet<>(s.order());
        assertEquals(g.size(), seen.size());
    }
}
