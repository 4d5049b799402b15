package org.fluxmp.runner.plot;

/** One row of the chart: a task's start and duration in seconds from the start of the run. */
public record Bar(String name, double start, double duration, Kind kind) {
    /** What a row stands for; each kind has its own colour. */
    public enum Kind { PLANNER, MODULE, TASK }

    public double end() {
        return start + duration;
    }
}
