package org.fluxmp.boot.plan;

import java.util.List;
import java.util.Map;

/**
 * One step of a plan: load or remove a module ({@link ModuleStep}), or a task body ({@link Run} a bash
 * script, {@link Rpc}, {@link JavaClass}, {@link Python}). Plain data: nothing here refers to the rules
 * engine, the solver or the TOML parser. A caller that needs only the name, the predecessors, the
 * timeout or the word a listing shows ({@link #verb}) does not look at the kind.
 *
 * <p>A body's {@code env}: the environment variables its conditions named ({@code needs-env}, and
 * {@code ${env:...}} in setup): one the tool's environment lacks comes from the broker's (SPEC 3).
 */
public sealed interface PlanTask permits PlanTask.ModuleStep, PlanTask.Run, PlanTask.Rpc, PlanTask.JavaClass,
        PlanTask.Python {

    String name();

    /** The tasks this one waits for. */
    List<String> predecessors();

    /** 0 for none. */
    long timeoutMs();

    /** What a listing puts before the name: {@code load}, {@code remove}, or {@code run} for every body. */
    default String verb() {
        return "run";
    }

    /**
     * Load or remove module NAME: the two share every field, and differ only in what the broker is asked.
     *
     * @param services the module's name and provides: whose setopt arguments it takes
     * @param configuredArgs its configured {@code args} (dropped by a setopt-overwrite)
     */
    record ModuleStep(String name, boolean remove, String module, List<String> services, List<String> configuredArgs,
            boolean exec, List<String> predecessors, long timeoutMs) implements PlanTask {
        @Override
        public String verb() {
            return remove ? "remove" : "load";
        }
    }

    /** A bash script. */
    record Run(String name, String script, List<String> env, List<String> predecessors, long timeoutMs)
            implements PlanTask {}

    /** An RPC to TOPIC with PAYLOAD. */
    record Rpc(String name, String topic, Map<String, Object> payload, List<String> predecessors, long timeoutMs)
            implements PlanTask {}

    /** A Java task: CLASS_NAME, an {@code org.fluxmp.boot.exec.JavaTask} in the tool or a task jar. */
    record JavaClass(String name, String className, List<String> env, List<String> predecessors, long timeoutMs)
            implements PlanTask {}

    /** A Python drop-in's task: ARGV is the bridge's command line. */
    record Python(String name, List<String> argv, List<String> env, List<String> predecessors, long timeoutMs)
            implements PlanTask {}
}
