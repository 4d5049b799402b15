package org.fluxmp.boot.run;

import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.exec.RunResult;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;

/**
 * The one line a run against the default simulated broker prints on stderr, so that a new user who
 * types {@code flux-modprobe rc1} sees what happened. A real broker (or a sim FILE) gets no such line,
 * as the original prints nothing.
 */
public final class RunSummary {
    private RunSummary() {}

    public static String line(String what, Plan plan, RunResult r, long elapsedMs) {
        int loads = 0;
        int removes = 0;
        int others = 0;
        boolean hasLoads = false;
        boolean hasRemoves = false;
        boolean hasOthers = false;
        for (PlanTask t : plan.tasks()) {
            boolean done = r.completed().contains(t.name());
            switch (t.verb()) {
                case "load":
                    hasLoads = true;
                    loads += done ? 1 : 0;
                    break;
                case "remove":
                    hasRemoves = true;
                    removes += done ? 1 : 0;
                    break;
                default:
                    hasOthers = true;
                    others += done ? 1 : 0;
            }
        }
        List<String> parts = new ArrayList<>();
        if (hasLoads) {
            parts.add("loaded " + count(loads, "module"));
        }
        if (hasRemoves) {
            parts.add("removed " + count(removes, "module"));
        }
        if (hasOthers) {
            parts.add("ran " + count(others, "task"));
        }
        String did = parts.isEmpty() ? "nothing to do" : String.join(", ", parts);
        StringBuilder sb = new StringBuilder("flux-modprobe: ").append(what)
                .append(" on the simulated broker (rank ").append(plan.rank()).append(")");
        switch (r.outcome()) {
            case OK:
                sb.append(": ").append(did);
                break;
            case FAILED:
                sb.append(" FAILED: ").append(did).append("; ").append(r.failed().size()).append(" failed (")
                        .append(String.join(", ", r.failed().keySet())).append(")");
                break;
            default:
                sb.append(" STOPPED by ").append(r.stopReason()).append(": ").append(did);
                if (!r.stopped().isEmpty()) {
                    sb.append("; ").append(r.stopped().size()).append(" stopped");
                }
        }
        if (!r.notStarted().isEmpty() && r.outcome() != RunResult.Outcome.OK) {
            sb.append(", ").append(r.notStarted().size()).append(" not started");
        }
        sb.append(" in ").append(elapsedMs).append(" ms; state not kept (use --broker=sim:FILE)");
        return sb.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
