package org.fluxmp.boot.exec;

import java.util.List;
import java.util.Map;

/**
 * How a run went: every task of the plan is in exactly one of completed, failed (with its message),
 * stopped (by a stop request) or not started.
 *
 * @param stopReason what asked the run to stop (e.g. {@code SIGTERM}), or null
 */
public record RunResult(
        Outcome outcome,
        List<String> completed,
        Map<String, String> failed,
        List<String> stopped,
        List<String> notStarted,
        String stopReason) {

    public enum Outcome { OK, FAILED, STOPPED }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
