package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.rules.facts.Active;
import org.fluxmp.rules.facts.Blocked;
import org.fluxmp.rules.facts.Chosen;
import org.fluxmp.rules.facts.Dropped;
import org.fluxmp.rules.facts.NotViable;
import org.fluxmp.rules.facts.Skipped;

/** What the rules decided for one rank: per unit and per service, each with the rule and reason. */
public final class Decisions {
    /** A decision about one unit: the rule that made it and why, in words. */
    public record Reason(String rule, String text) {}

    private final UnitTable table;
    private final FactLedger ledger;
    private final int rank;
    private final Map<String, List<Reason>> blocked;
    private final Map<String, NotViable> notViable;
    private final Map<String, Chosen> chosen;
    private final Map<String, List<Active>> active;
    private final Map<String, List<Dropped>> dropped;
    private final Map<String, Skipped> skipped;
    /** Worked out on first use (a decision does not change): large runs ask for them often. */
    private volatile List<String> activeInOrder;
    private volatile Map<String, String> alternatives;

    private Decisions(Builder b) {
        this.table = b.table;
        this.ledger = b.ledger;
        this.rank = b.rank;
        this.blocked = b.blocked;
        this.notViable = b.notViable;
        this.chosen = b.chosen;
        this.active = b.active;
        this.dropped = b.dropped;
        this.skipped = b.skipped;
    }

    public int rank() { return rank; }
    public UnitTable table() { return table; }
    public FactLedger ledger() { return ledger; }

    /** Enabled (SPEC 4.1): not disabled, rank matches, conditions hold, or force-enabled. */
    public boolean enabled(String unit) {
        return !blocked.containsKey(unit);
    }

    /** Why a unit is not enabled; empty when it is. */
    public List<Reason> blockedBy(String unit) {
        return blocked.getOrDefault(unit, List.of());
    }

    /** Viable (SPEC 4.3): enabled and every need has a viable provider. */
    public boolean viable(String unit) {
        return enabled(unit) && !notViable.containsKey(unit);
    }

    /** The need that made an enabled unit non-viable, if any. */
    public Optional<String> unviableNeed(String unit) {
        return Optional.ofNullable(notViable.get(unit)).map(NotViable::need);
    }

    /** The provider of a service (or the unit of that name); empty for an unknown name. */
    public Optional<Unit> provider(String service) {
        Chosen c = chosen.get(service);
        return c == null ? Optional.empty() : table.unit(c.provider());
    }

    public Optional<Chosen> choice(String service) {
        return Optional.ofNullable(chosen.get(service));
    }

    /** Units in the run's active set, in load order, skipped ones included. */
    public List<String> activeUnits() {
        if (activeInOrder == null) {
            // the table holds units in load order
            List<String> names = new ArrayList<>(active.size());
            for (Unit u : table.units()) {
                if (active.containsKey(u.getName())) {
                    names.add(u.getName());
                }
            }
            activeInOrder = List.copyOf(names);
        }
        return activeInOrder;
    }

    public List<String> activeVia(String unit) {
        List<String> via = new ArrayList<>();
        for (Active a : active.getOrDefault(unit, List.of())) {
            via.add(a.via());
        }
        return via;
    }

    public List<String> droppedVia(String unit) {
        List<String> via = new ArrayList<>();
        for (Dropped d : dropped.getOrDefault(unit, List.of())) {
            via.add(d.via());
        }
        return via;
    }

    public boolean active(String unit) {
        return active.containsKey(unit);
    }

    /** Whether an active unit was skipped because a need has no provider left in the active set. */
    public Optional<String> skippedNeed(String unit) {
        return Optional.ofNullable(skipped.get(unit)).map(Skipped::need);
    }

    /** Active and not skipped: what the run starts from, before the requires closure. */
    public List<String> runnable() {
        List<String> out = new ArrayList<>();
        for (String n : activeUnits()) {
            if (!skipped.containsKey(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Services whose choice among two or more providers was made, by service name. */
    public Map<String, String> alternatives() {
        if (alternatives != null) {
            return alternatives;
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<String> services = new ArrayList<>(chosen.keySet());
        services.sort(null);
        for (String s : services) {
            if (table.providers(s).size() > 1 || !table.unit(s).isPresent()) {
                out.put(s, chosen.get(s).provider());
            }
        }
        alternatives = java.util.Collections.unmodifiableMap(out);
        return alternatives;
    }

    static final class Builder {
        private final UnitTable table;
        private final FactLedger ledger;
        private final int rank;
        private final Map<String, List<Reason>> blocked = new HashMap<>();
        private final Map<String, NotViable> notViable = new HashMap<>();
        private final Map<String, Chosen> chosen = new HashMap<>();
        private final Map<String, List<Active>> active = new LinkedHashMap<>();
        private final Map<String, List<Dropped>> dropped = new LinkedHashMap<>();
        private final Map<String, Skipped> skipped = new HashMap<>();

        Builder(UnitTable table, FactLedger ledger, int rank) {
            this.table = table;
            this.ledger = ledger;
            this.rank = rank;
        }

        void blocked(Blocked b) {
            List<Reason> list = blocked.computeIfAbsent(b.name(), k -> new ArrayList<>());
            Reason r = new Reason(b.rule(), b.reason());
            if (!list.contains(r)) {
                list.add(r);
            }
        }

        void notViable(NotViable n) { notViable.putIfAbsent(n.name(), n); }
        void chosen(Chosen c) { chosen.put(c.service(), c); }
        void active(Active a) { active.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a); }
        void dropped(Dropped d) { dropped.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d); }
        void skipped(Skipped s) { skipped.putIfAbsent(s.name(), s); }

        Decisions build() {
            // rules fire in no guaranteed order; keep reasons in a stable order for output
            for (List<Reason> l : blocked.values()) {
                l.sort(Comparator.comparing(Reason::rule).thenComparing(Reason::text));
            }
            for (List<Active> l : active.values()) {
                Set<String> seen = new LinkedHashSet<>();
                l.removeIf(a -> !seen.add(a.via()));
                l.sort(Comparator.comparing(Active::via));
            }
            for (List<Dropped> l : dropped.values()) {
                Set<String> seen = new LinkedHashSet<>();
                l.removeIf(a -> !seen.add(a.via()));
                l.sort(Comparator.comparing(Dropped::via));
            }
            return new Decisions(this);
        }
    }
}
