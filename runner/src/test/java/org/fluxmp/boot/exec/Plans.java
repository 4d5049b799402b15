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
        return new PlanTask.ModuleStep(name, false, name, List.of(name), List.of(), false, List.of(preds), timeoutMs);
    }

    /** A load of NAME with configured ARGS. */
    static PlanTask.ModuleStep module(String name, List<String> args) {
        return new PlanTask.ModuleStep(name, false, name, List.of(name), args, false, List.of(), 0);
    }

    static PlanTask remove(String name, long timeoutMs) {
        return new PlanTask.ModuleStep(name, true, name, List.of(name), List.of(), false, List.of(), timeoutMs);
    }

    static PlanTask rpc(String name, String topic, long timeoutMs) {
        return new PlanTask.Rpc(name, topic, Map.of("k", "v"), List.of(), timeoutMs);
    }

    static PlanTask bash(String name, String script, long timeoutMs, String... preds) {
        return new PlanTask.Run(name, script, List.of(), List.of(preds), timeoutMs);
    }

    /** A bash script whose conditions named the variables ENV. */
    static PlanTask bash(String name, String script, List<String> env) {
        return new PlanTask.Run(name, script, env, List.of(), 0);
    }

    static PlanTask java(String name, Class<?> c, long timeoutMs) {
        return new PlanTask.JavaClass(name, c.getName(), List.of(), List.of(), timeoutMs);
    }

    /** A Java task of class CLASS_NAME (which need not exist). */
    static PlanTask java(String name, String className) {
        return new PlanTask.JavaClass(name, className, List.of(), List.of(), 0);
    }
}
