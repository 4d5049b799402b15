package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Place;

/**
 * Every configured module and task, in load order, with the index from service name to providers.
 * A unit's name is one of its own services.
 */
public final class UnitTable {
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, List<Unit>> providers = new LinkedHashMap<>();
    /** The services each unit is indexed under, so that re-indexing one unit touches only its own lists. */
    private final Map<Unit, List<String>> indexedUnder = new java.util.IdentityHashMap<>();
    private int nextIndex;

    public Unit add(String name, Unit.Kind kind, Place place) {
        Unit unit = new Unit(name, kind, nextIndex++, place);
        units.put(name, unit);
        index(unit);
        return unit;
    }

    /** Re-indexes the services of a unit whose {@code provides} changed. */
    void reindex(Unit unit) {
        for (String service : indexedUnder.getOrDefault(unit, List.of())) {
            List<Unit> list = providers.get(service);
            list.remove(unit);
            if (list.isEmpty()) {
                providers.remove(service);
            }
        }
        index(unit);
    }

    private void index(Unit unit) {
        List<String> services = new ArrayList<>();
        for (String service : unit.getServices()) {
            List<Unit> list = providers.computeIfAbsent(service, s -> new ArrayList<>());
            if (!list.contains(unit)) {
                list.add(unit);
                services.add(service);
            }
        }
        indexedUnder.put(unit, services);
    }

    public Optional<Unit> unit(String name) {
        return Optional.ofNullable(units.get(name));
    }

    public Collection<Unit> units() {
        return units.values();
    }

    public boolean hasService(String service) {
        return providers.containsKey(service);
    }

    /** Providers of a service (or the unit of that name), lowest (priority, load order) first. */
    public List<Unit> providers(String service) {
        List<Unit> list = new ArrayList<>(providers.getOrDefault(service, List.of()));
        list.sort(Unit.BY_RANK);
        return list;
    }

    public Collection<String> services() {
        return providers.keySet();
    }

    /**
     * The provider chosen without broker facts, as config updates need it: highest (priority, load
     * order) among those not disabled by flag, else highest overall.
     */
    public Optional<Unit> staticProvider(String service) {
        List<Unit> list = providers(service);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            if (!list.get(i).isDisabled()) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.of(list.get(list.size() - 1));
    }

    /**
     * Makes MODULE the provider of SERVICE by raising its priority above every other provider's.
     * Priority is global, so MODULE also wins its other services.
     */
    public void setAlternative(String service, String module, String why) {
        List<Unit> list = providers.get(service);
        if (list == null || list.isEmpty()) {
            throw new ConfigException("no such service " + service);
        }
        Unit chosen = null;
        for (Unit u : list) {
            if (u.getName().equals(module)) {
                chosen = u;
            }
        }
        if (chosen == null) {
            throw new ConfigException("no module " + module + " provides " + service);
        }
        if (list.size() == 1) {
            return;
        }
        long max = list.stream().mapToLong(Unit::getPriority).max().orElse(0);
        if (max == Long.MAX_VALUE) {
            throw new ConfigException("cannot select " + module + " for " + service
                    + ": another provider already has the largest possible priority");
        }
        chosen.bumpPriority(max + 1, why + ": priority raised to " + (max + 1));
    }

    /** Disables every unit that has NAME or provides it. */
    public void disable(String name, String why) {
        for (Unit u : named(name)) {
            u.requestDisable(why);
        }
    }

    /** Force-enables every unit that has NAME or provides it (ranks and needs-* ignored; needs still apply). */
    public void enable(String name, Place by) {
        for (Unit u : named(name)) {
            u.forceEnable(by);
        }
    }

    /** The units that have NAME or provide it; none is an error. */
    private List<Unit> named(String name) {
        List<Unit> list = providers.get(name);
        if (list == null || list.isEmpty()) {
            throw new ConfigException("no such module or task '" + name + "'");
        }
        return list;
    }

    /** rc3 and remove: a module is removed instead of loaded (SPEC 4.8). */
    public void markForRemoval(Unit unit) {
        unit.turnIntoRemoval();
    }

    public int size() {
        return units.size();
    }
}
