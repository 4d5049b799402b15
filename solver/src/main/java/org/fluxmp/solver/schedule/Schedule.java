package org.fluxmp.solver.schedule;

import java.util.List;

/**
 * A plan's predicted schedule: each task's estimated start and end (ms) and worker, in start
 * order, and how good it is. Plain data.
 *
 * @param method {@code optimal} (proven: no priority order does better on these estimates),
 *     {@code best-in-time} (the solver improved on list scheduling but ran out of time to prove it
 *     best) or {@code list} (longest-remaining-path or first-come list scheduling, the better one)
 * @param lowerBound no schedule on W workers is shorter (see {@link PlanBound}): the critical path,
 *     the work over W, and the pigeonhole bounds of the plan's levels
 * @param solveMicros how long scheduling took (µs): until optimality was proven, else the time limit
 */
public record Schedule(List<Slot> slots, long makespan, long lowerBound, List<String> criticalPath,
        long criticalPathLength, String method, int workers, long solveMicros) {

    /** One task in the schedule. */
    public record Slot(String name, long start, long end, int worker) {}

    /** Task names in start order: the runner's priority order. */
    public List<String> order() {
        return slots.stream().map(Slot::name).toList();
    }
}
