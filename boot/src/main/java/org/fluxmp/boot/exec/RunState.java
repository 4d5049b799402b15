package org.fluxmp.boot.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;

/**
 * What tasks of one run share: data set with {@code set K=V}, environment set with {@code setenv},
 * and module arguments (setup's, plus {@code setopt} from tasks that ran before a load).
 */
public final class RunState {
    private final Map<String, String> data = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, List<String>> setopt = new LinkedHashMap<>();
    private final Set<String> overwritten = new HashSet<>();
    /** Variables a setup or task unset: never brought back from the broker's environment. */
    private final Set<String> unset = new HashSet<>();
    private final Map<String, PlanTask.ModuleStep> modules = new HashMap<>();

    public RunState(Plan plan, Map<String, String> baseEnv) {
        env.putAll(baseEnv);
        for (Map.Entry<String, String> e : plan.env().entrySet()) {
            setenv(e.getKey(), e.getValue());
        }
        data.putAll(plan.data());
        for (PlanTask t : plan.tasks()) {
            if (t instanceof PlanTask.ModuleStep m) {
                modules.put(m.name(), m);
            }
        }
        for (Map.Entry<String, List<String>> e : plan.setopt().entrySet()) {
            setopt.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        overwritten.addAll(plan.overwritten());
    }

    public synchronized void set(String key, String value) {
        data.put(key, value);
    }

    /** Sets NAME for later tasks; a null VALUE unsets it (as the original's setenv with None). */
    public synchronized void setenv(String name, String value) {
        if (value == null) {
            env.remove(name);
            unset.add(name);
        } else {
            env.put(name, value);
            unset.remove(name);
        }
    }

    /** Whether NAME was unset by setup or an earlier task (so the broker's value must not stand in). */
    public synchronized boolean wasUnset(String name) {
        return unset.contains(name);
    }

    /** Appends ARGS to MODULE's arguments; OVERWRITE also drops its configured args (setopt-overwrite). */
    public synchronized void setopt(String module, List<String> args, boolean overwrite) {
        if (overwrite) {
            overwritten.add(module);
        }
        List<String> have = setopt.get(module);
        if (have == null) {
            have = new ArrayList<>();
            setopt.put(module, have);
        }
        have.addAll(args);
    }

    /** The arguments a module is loaded with now (as the original's Context.getopts). */
    public synchronized List<String> argsFor(PlanTask.ModuleStep t) {
        return moduleArgs(overwritten.contains(t.name()), t.configuredArgs(), t.services(), setopt);
    }

    /**
     * A module's arguments (the planner's and the run's rule): its CONFIGURED ones unless a
     * setopt-overwrite dropped them (OVERWRITTEN), then what setopt APPENDED to each of its SERVICES.
     */
    public static List<String> moduleArgs(boolean overwritten, List<String> configured, List<String> services,
            Map<String, List<String>> appended) {
        List<String> out = new ArrayList<>();
        if (!overwritten) {
            out.addAll(configured);
        }
        for (String s : services) {
            out.addAll(appended.getOrDefault(s, List.of()));
        }
        return out;
    }

    /**
     * The arguments NAME is loaded with now (the original's {@code getopts}): for a module of this
     * plan what {@link #argsFor} gives, else what setopt gave NAME so far.
     */
    public synchronized List<String> getopts(String name) {
        PlanTask.ModuleStep t = modules.get(name);
        return t != null ? argsFor(t) : List.copyOf(setopt.getOrDefault(name, List.of()));
    }

    /** The environment for a task's process: the tool's, setenv'd variables, and FLUX_MODPROBE_DATA_*. */
    public synchronized Map<String, String> processEnv() {
        Map<String, String> out = new LinkedHashMap<>(env);
        for (Map.Entry<String, String> e : data.entrySet()) {
            out.put("FLUX_MODPROBE_DATA_" + e.getKey().toUpperCase().replace('-', '_').replace('.', '_'), e.getValue());
        }
        return out;
    }

    public synchronized Map<String, String> data() {
        return Map.copyOf(data);
    }
}
