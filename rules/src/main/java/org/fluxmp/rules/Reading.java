package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.boot.files.RcSource;

/**
 * A {@link RunRequest}'s files read, setup applied and selection laid over them: what any rank
 * decides from when reading did not depend on the rank (no setup {@code run} step, no {@code
 * ${attr:rank}}). The rules session stays in here; what comes out is a {@link Decision}.
 */
public final class Reading {
    private final RunRequest request;
    private final ModprobeRules rules;
    /** The run's units out of a rank's verdicts. */
    private final Function<Decisions, List<String>> units;

    private Reading(RunRequest request, ModprobeRules rules, Function<Decisions, List<String>> units) {
        this.request = request;
        this.rules = rules;
        this.units = units;
    }

    static Reading of(RunRequest r) {
        Subject s = r.subject();
        if (s instanceof Subject.Tasks t) {
            return tasks(r, t.source());
        }
        if (s instanceof Subject.Load l) {
            return load(r, l.modules());
        }
        if (s instanceof Subject.Remove rm) {
            return remove(r, rm.modules());
        }
        ModprobeRules rules = r.config().open(r.facts());
        r.selection().applyTo(rules);
        return new Reading(r, rules, d -> List.of());
    }

    /** rc1 and run: the files' tasks and setup, setup removals, then the selection; the run is their requires closure. rc3: every loaded module is removed first, and no closure is taken. */
    private static Reading tasks(RunRequest r, RcSource source) {
        ModprobeRules rules = r.config().open(r.facts()).check();
        Facts facts = r.facts();
        boolean rc3 = source.isRc3();
        if (rc3) {
            List<String> loaded = new ArrayList<>();
            for (String m : facts.loadedModules().keySet()) {
                if (rules.table().unit(m).isPresent()) {
                    loaded.add(m);
                }
            }
            // the broker lists modules in hash order; the plan must not depend on it
            loaded.sort(null);
            rules.removeModules(loaded, "loaded module (rc3 removes every loaded module)");
        }
        rules.readSource(source, r.setup()).check();
        if (!rc3) {
            // the loaded modules are asked only when a setup removes all, so that only then the plan depends on them
            rules.removals().ifPresent(m -> rules.removeModules(
                    m.contains("all") ? new ArrayList<>(facts.loadedModules().keySet()) : m, "setup remove"));
        }
        r.selection().applyTo(rules);
        return new Reading(r, rules, rc3 ? Decisions::runnable : d -> List.copyOf(RequiresClosure.of(d, d.runnable()).keySet()));
    }

    /** load: the modules to load become the selected alternatives of their services. */
    private static Reading load(RunRequest r, List<String> modules) {
        Decisions first = r.config().open(r.facts()).check().decide();
        List<String> needed = LoadSet.of(first, modules, new HashSet<>(r.facts().loadedModules().keySet()));
        ModprobeRules rules = r.config().quiet().open(r.facts()).check();
        for (String n : needed) {
            for (String s : rules.table().unit(n).orElseThrow().getProvides()) {
                rules.setAlternative(s, n, "load " + String.join(" ", modules));
            }
        }
        return new Reading(r, rules, d -> needed);
    }

    /** remove: the modules to remove are marked as rc3 marks loaded ones. */
    private static Reading remove(RunRequest r, List<String> modules) {
        Decisions first = r.config().open(r.facts()).check().decide();
        List<String> loaded = new ArrayList<>(r.facts().loadedModules().keySet());
        loaded.sort(null); // the broker lists modules in hash order; the plan must not depend on it
        List<String> targets = RemovalSet.of(first, modules, loaded);
        ModprobeRules rules = r.config().quiet().open(r.facts()).check();
        rules.removeModules(targets, "remove " + String.join(" ", modules));
        return new Reading(r, rules, d -> targets);
    }

    /** The decision for the request's facts' rank. */
    public Decision decide() {
        return decideAt(request.facts().rank());
    }

    /**
     * The decision for rank RANK from what was read for this one: what a rank of another class
     * would get (issue 11). Safe to call from several threads once a first call has returned.
     */
    public Decision decideAt(int rank) {
        Decisions d = rules.decideAt(rank);
        Map<String, List<String>> setopt = new LinkedHashMap<>();
        rules.moduleArgs().added().forEach((k, v) -> setopt.put(k, List.copyOf(v)));
        return new Decision(request.subject().name(), rank, d, units.apply(d), List.copyOf(rules.removing()),
                Collections.unmodifiableMap(setopt), List.copyOf(rules.moduleArgs().overwritten()),
                Map.copyOf(rules.data()), Collections.unmodifiableMap(new LinkedHashMap<>(rules.setenv())),
                rules.ledger().expandedEnvNames(), rankSets(rank));
    }

    /** Whether NAME is a configured module. */
    public boolean isModule(String name) {
        return rules.table().unit(name).map(Unit::isModule).orElse(false);
    }

    /** Every rank expression of the configuration read: what splits ranks into classes. */
    public Set<RankSet> expressions() {
        return rankSets(0).keySet();
    }

    private Map<RankSet, Boolean> rankSets(int rank) {
        Map<RankSet, Boolean> out = new LinkedHashMap<>();
        for (Unit u : rules.table().units()) {
            out.putIfAbsent(u.getRanks(), u.getRanks().contains(rank));
        }
        return out;
    }
}
