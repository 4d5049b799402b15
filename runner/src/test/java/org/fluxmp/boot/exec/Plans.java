package org.fluxmp.boot.exec;

import java.util.List;
import java.util.Map;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;

/** Small plans for executor and task runner tests. */
final class Plans {
    private Plans() {}

    static Plan plan(int workers, PlanTask... tasks) {
        return new Plan(0, List.of(tasks), Map.of(), Map.of(), List.of(), Map.of(), Map.of(), workers, "list");
    }

    static PlanTask load(String name, String... preds) {
        return load(name, 0, preds);
    }

    static PlanTask load(String name, long timeoutMs, String... preds) {
        return new PlanTask(name, PlanTask.Action.LOAD, name, List.of(name), List.of(), false, null, null,
                List.of(preds), timeoutMs);
    }

    static PlanTask remove(String name, long timeoutMs) {
        return new PlanTask(name, PlanTask.Action.REMOVE, name, List.of(name), List.of(), false, null, null, List.of(),
                timeoutMs);
    }

    static PlanTask rpc(String name, String topic, long timeoutMs) {
        return new PlanTask(name, PlanTask.Action.RPC, null, List.of(name), List.of(), false, topic, Map.of("k", "v"),
                List.of(), timeoutMs);
    }

    static PlanTask bash(String name, String script, long timeoutMs, String... preds) {
        return new PlanTask(name, PlanTask.Action.RUN, null, List.of(name), List.of(), false, script, null,
                List.of(preds), timeoutMs);
    }

    static PlanTask java(String name, Class<?> c, long timeoutMs) {
        return new PlanTask(name, PlanTask.Action.JAVA, null, List.of(name), List.of(), false, c.getName(), null,
                List.of(), timeoutMs);
    }
}
