package org.fluxmp.solver;

import org.fluxmp.boot.plan.Plan;
import org.fluxmp.solver.schedule.Schedule;

/** A plan and the predicted schedule its priority order comes from (for {@code solve} and {@code graph}). */
public record SolvedPlan(Plan plan, Schedule schedule) {}
