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
        long timeoutMs) {

    public enum Action { LOAD, REMOVE, RUN, RPC, JAVA }

    public boolean isModule() {
        return action == Action.LOAD || action == Action.REMOVE;
    }
}
