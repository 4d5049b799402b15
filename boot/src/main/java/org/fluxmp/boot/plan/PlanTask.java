package org.fluxmp.boot.plan;

import java.util.List;
import java.util.Map;

/**
 * One step of a plan: load or remove a module, or a task body (bash script, RPC, Java class).
 * Plain data: nothing here refers to the rules engine, the solver or the TOML parser.
 *
 * @param services for a module, its name and provides: whose setopt arguments it takes
 * @param configuredArgs a module's configured {@code args} (dropped by a setopt-overwrite)
 * @param timeoutMs 0 for none
 * @param env for a body, the environment variables its conditions named ({@code needs-env}, and
 *     {@code ${env:...}} in setup): one the tool's environment lacks comes from the broker's (SPEC 3)
 */
public record PlanTask(
        String name,
        Action action,
        String module,
        List<String> services,
        List<String> configuredArgs,
        boolean exec,
        String text,
        Map<String, Object> payload,
        List<String> predecessors,
        long timeoutMs,
        List<String> env) {

    /** A step whose body needs no variable from the broker's environment. */
    public PlanTask(String name, Action action, String module, List<String> services, List<String> configuredArgs,
            boolean exec, String text, Map<String, Object> payload, List<String> predecessors, long timeoutMs) {
        this(name, action, module, services, configuredArgs, exec, text, payload, predecessors, timeoutMs, List.of());
    }

    /** PYTHON: a Python drop-in's task; its text is the bridge's command line, one word a line. */
    public enum Action { LOAD, REMOVE, RUN, RPC, JAVA, PYTHON }

    public boolean isModule() {
        return action == Action.LOAD || action == Action.REMOVE;
    }
}
