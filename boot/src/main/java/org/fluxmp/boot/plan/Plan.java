package org.fluxmp.boot.plan;

import java.util.List;
import java.util.Map;

/**
 * Everything the runner needs to carry out a decision: tasks in priority order (each with its
 * predecessors), module arguments from setup, shared data and environment from setup, the
 * worker limit. Plain data, so that a boot can load it without the planner.
 *
 * @param setopt setup's module arguments: name -> arguments appended
 * @param overwritten names whose configured args a setopt-overwrite dropped
 */
public record Plan(
        int rank,
        List<PlanTask> tasks,
        Map<String, String> alternatives,
        Map<String, List<String>> setopt,
        List<String> overwritten,
        Map<String, String> data,
        Map<String, String> env,
        int workers,
        String method) {}
