package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.ConfigException;

/**
 * What {@code remove M...} removes (SPEC 4.10): the requested modules plus the requirements no
 * other loaded module still needs; a requested module another loaded module needs is an error.
 */
public final class RemovalSet {
    /** Loaded configured modules with the services each offers, and who requires whom among them. */
    private final Map<String, Set<String>> loaded;
    private final List<String> configured = new ArrayList<>();
    private final Map<String, Set<String>> requires = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependents = new LinkedHashMap<>();

    private RemovalSet(Decisions d, Map<String, Set<String>> loaded) {
        this.loaded = loaded;
        for (String m : loaded.keySet()) {
            if (d.table().unit(m).isPresent()) {
                configured.add(m);
            }
        }
        for (String m : configured) {
            Set<String> reqs = new LinkedHashSet<>();
            for (String r : d.table().unit(m).orElseThrow().getRequires()) {
                for (String l : configured) {
                    if (l.equals(r) || d.table().unit(l).orElseThrow().getProvides().contains(r)) {
                        reqs.add(l);
                    }
                }
            }
            requires.put(m, reqs);
            for (String r : reqs) {
                dependents.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(m);
            }
        }
    }

    /** The modules to remove for MODULES ({@code all}: every configured loaded one), given LOADED modules in a stable order. */
    public static List<String> of(Decisions d, List<String> modules, List<String> loaded) {
        RemovalSet s = new RemovalSet(d, services(d, loaded));
        Set<String> target = s.requested(modules);
        s.addUnneeded(target);
        s.checkUnused(target);
        return new ArrayList<>(target);
    }

    /** Each loaded module with the services it offers: its name and configured provides. */
    private static Map<String, Set<String>> services(Decisions d, List<String> loadedModules) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String m : loadedModules) {
            Set<String> services = new LinkedHashSet<>();
            services.add(m);
            d.table().unit(m).ifPresent(u -> services.addAll(u.getProvides()));
            out.put(m, services);
        }
        return out;
    }

    private Set<String> requested(List<String> modules) {
        Set<String> target = new LinkedHashSet<>();
        if (modules.contains("all")) {
            target.addAll(configured);
            return target;
        }
        for (String m : modules) {
            String owner = null;
            for (Map.Entry<String, Set<String>> e : loaded.entrySet()) {
                if (e.getKey().equals(m) || e.getValue().contains(m)) {
                    owner = e.getKey();
                }
            }
            if (owner == null) {
                throw new ConfigException("module " + m + " is not loaded");
            }
            target.add(owner);
        }
        return target;
    }

    /** Adds to TARGET, until nothing changes, each requirement that only modules in TARGET need. */
    private void addUnneeded(Set<String> target) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String m : new ArrayList<>(target)) {
                for (String r : requires.getOrDefault(m, Set.of())) {
                    if (!target.contains(r) && target.containsAll(dependents.getOrDefault(r, Set.of()))) {
                        target.add(r);
                        grew = true;
                    }
                }
            }
        }
    }

    private void checkUnused(Set<String> target) {
        for (String m : target) {
            List<String> users = new ArrayList<>();
            for (String u : dependents.getOrDefault(m, Set.of())) {
                if (!target.contains(u)) {
                    users.add(u);
                }
            }
            if (!users.isEmpty()) {
                users.sort(null);
                throw new ConfigException(m + " still in use by " + String.join(", ", users));
            }
        }
    }
}
