package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.facts.RankSet;

/**
 * A module or task as configured: the keys of a {@code [[modules]]} or {@code [[task]]} entry after
 * every update. Mutable only while the configuration is being read (updates, set-alternative bumps,
 * enable/disable requests); a fact for the rules afterwards.
 */
public final class Unit {
    public enum Kind { MODULE, TASK }

    private final String name;
    private final Kind kind;
    private final int index;
    private final Place definedAt;
    private final Map<String, Place> keyPlaces = new HashMap<>();

    private String module;
    private List<String> args = List.of();
    private boolean exec;
    private RankSet ranks = RankSet.ALL;
    private List<String> provides = List.of();
    private long priority = 100;
    private boolean disabled;
    private List<String> requires = List.of();
    private List<String> after = List.of();
    private List<String> before = List.of();
    private List<String> needs = List.of();
    private List<String> needsConfig = List.of();
    private List<String> needsAttrs = List.of();
    private List<String> needsEnv = List.of();
    private Body body;
    private String timeout;

    private boolean forceEnabled;
    private Place forceEnabledBy;
    private final List<String> disableRequests = new ArrayList<>();
    private final List<String> priorityNotes = new ArrayList<>();

    public Unit(String name, Kind kind, int index, Place definedAt) {
        this.name = name;
        this.kind = kind;
        this.index = index;
        this.definedAt = definedAt;
        this.module = name;
    }

    public String getName() { return name; }
    public Kind getKind() { return kind; }
    public boolean isModule() { return kind == Kind.MODULE; }
    public int getIndex() { return index; }
    public Place getDefinedAt() { return definedAt; }
    public String getModule() { return module; }
    public List<String> getArgs() { return args; }
    public boolean isExec() { return exec; }
    public RankSet getRanks() { return ranks; }
    public List<String> getProvides() { return provides; }
    public long getPriority() { return priority; }
    public boolean isDisabled() { return disabled; }
    public List<String> getRequires() { return requires; }
    public List<String> getAfter() { return after; }
    public List<String> getBefore() { return before; }
    public List<String> getNeeds() { return needs; }
    public List<String> getNeedsConfig() { return needsConfig; }
    public List<String> getNeedsAttrs() { return needsAttrs; }
    public List<String> getNeedsEnv() { return needsEnv; }
    public Body getBody() { return body; }
    public String getTimeout() { return timeout; }
    public boolean isForceEnabled() { return forceEnabled; }
    public Place getForceEnabledBy() { return forceEnabledBy; }
    public List<String> getDisableRequests() { return disableRequests; }
    public boolean isDisableRequested() { return !disableRequests.isEmpty(); }
    public List<String> getPriorityNotes() { return priorityNotes; }

    /**
     * Whether this unit beats OTHER among the providers of a service: higher (priority, load order).
     * Compared field by field (a packed key would overflow for priorities beyond about ±9.2e9,
     * which TOML's 64-bit integers allow).
     */
    public boolean outranks(Unit other) {
        return priority != other.priority ? priority > other.priority : index > other.index;
    }

    /** Lowest (priority, load order) first. */
    public static final java.util.Comparator<Unit> BY_RANK =
            java.util.Comparator.comparingLong(Unit::getPriority).thenComparingInt(Unit::getIndex);

    /** The name and every service it provides. */
    public List<String> getServices() {
        List<String> all = new ArrayList<>(provides.size() + 1);
        all.add(name);
        all.addAll(provides);
        return all;
    }

    /** The conditions of a kind a condition can name ({@link FactKind#CONDITIONS}); none for any other kind. */
    public List<String> needsOf(FactKind kind) {
        switch (kind) {
            case ATTR: return needsAttrs;
            case CONFIG: return needsConfig;
            case ENV: return needsEnv;
            default: return List.of();
        }
    }

    /** Where KEY was last set, or where the unit was defined when it was never set. */
    public Place placeOf(String key) {
        return keyPlaces.getOrDefault(key, definedAt);
    }

    /** Sets one configured key; values are already type-checked by the reader. */
    @SuppressWarnings("unchecked")
    void set(String key, Object value, Place place) {
        keyPlaces.put(key, place);
        switch (key) {
            case "module": module = (String) value; break;
            case "args": args = List.copyOf((List<String>) value); break;
            case "exec": exec = (Boolean) value; break;
            case "ranks": ranks = (RankSet) value; break;
            case "provides": provides = List.copyOf((List<String>) value); break;
            case "priority": priority = (Long) value; break;
            case "disabled": disabled = (Boolean) value; break;
            case "requires": requires = List.copyOf((List<String>) value); break;
            case "after": after = List.copyOf((List<String>) value); break;
            case "before": before = List.copyOf((List<String>) value); break;
            case "needs": needs = List.copyOf((List<String>) value); break;
            case "needs-config": needsConfig = List.copyOf((List<String>) value); break;
            case "needs-attrs": needsAttrs = List.copyOf((List<String>) value); break;
            case "needs-env": needsEnv = List.copyOf((List<String>) value); break;
            case "timeout": timeout = (String) value; break;
            case "body": body = (Body) value; break;
            default: throw new IllegalArgumentException("no such key " + key);
        }
    }

    void bumpPriority(long newPriority, String why) {
        priority = newPriority;
        priorityNotes.add(why);
    }

    void forceEnable(Place by) {
        forceEnabled = true;
        forceEnabledBy = by;
    }

    void requestDisable(String why) {
        disableRequests.add(why);
    }

    /** rc3/remove: module removal swaps before/after and drops requires/needs (SPEC 4.8). */
    void turnIntoRemoval() {
        List<String> a = after;
        after = before;
        before = a;
        requires = List.of();
        needs = List.of();
    }

    @Override
    public String toString() {
        return name;
    }
}
