package org.fluxmp.runner.plot;

/**
 * The time axis of a Gantt chart: the run's span T0..T1 (seconds), shown in UNIT_NAME (UNIT per
 * second) with a grid line every STEP up to AXIS_END, starting LEFT px from the edge at SCALE px
 * per unit.
 */
record GanttAxis(double t0, double t1, double unit, String unitName, double step, double axisEnd, int left, double scale) {
    /** The x of time T (seconds). */
    double x(double t) {
        return left + (t - t0) * unit * scale;
    }
}
