package org.fluxmp.solver;

import java.util.Map;
import org.fluxmp.solver.schedule.Scheduler;

/**
 * How to schedule a plan: W workers, estimated durations in ms by task name (tasks not named get
 * a default for their kind), and how long the solver may search.
 */
public record PlanOptions(int workers, Map<String, Long> durations, long timeLimitMs) {

    /** W workers, default durations, the default time limit. */
    public static PlanOptions workers(int workers) {
        return new PlanOptions(workers, Map.of(), Scheduler.DEFAULT_TIME_LIMIT_MS);
    }
}
