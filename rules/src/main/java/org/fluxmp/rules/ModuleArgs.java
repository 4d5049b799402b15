package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.exec.RunState;

/**
 * Module arguments added by setup {@code setopt}/{@code setopt-overwrite} (and task directives), as
 * the original's Context.setopt/getopts: arguments given for a service go to its provider, and an
 * overwrite drops the configured {@code args} of the module it names.
 */
public final class ModuleArgs {
    private final Map<String, List<String>> added = new HashMap<>();
    private final Set<String> overwritten = new HashSet<>();

    public void setopt(String name, String options, boolean overwrite) {
        if (overwrite) {
            overwritten.add(name);
        }
        List<String> list = added.computeIfAbsent(name, k -> new ArrayList<>());
        for (String s : options.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                list.add(s);
            }
        }
    }

    public void setopt(String name, List<String> options, boolean overwrite) {
        setopt(name, String.join(" ", options), overwrite);
    }

    /** The arguments a module is loaded with. */
    public List<String> argsFor(Unit unit) {
        return RunState.moduleArgs(overwritten.contains(unit.getName()), unit.getArgs(), unit.getServices(), added);
    }

    /** Name -> arguments appended to it, for the plan. */
    public Map<String, List<String>> added() {
        return added;
    }

    /** Names whose configured args an overwrite dropped. */
    public Set<String> overwritten() {
        return overwritten;
    }

    /** Every name that received arguments (for verify: they must be known). */
    public Set<String> names() {
        return added.keySet();
    }
}
