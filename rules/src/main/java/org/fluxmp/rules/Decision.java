package org.fluxmp.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.facts.RankSet;

/**
 * What the rules decided for one rank of a {@link RunRequest}, as a value: the per-unit verdicts
 * with their reasons (enabled, skipped, selected alternatives), the run's units, the modules it
 * removes, and what setup left for the plan (module arguments, shared data, environment).
 *
 * @param name what the run is called: rc1, rc3, run FILE, load, remove
 * @param verdicts per unit and service: the rule that decided and why
 * @param units what runs, in discovery order (the requires closure taken for rc1 and run)
 * @param removing modules the run removes, in the order marked
 * @param setopt setup's module arguments: name -> arguments appended
 * @param overwritten names whose configured args a setopt-overwrite dropped
 * @param data shared data set by setup ({@code set K=V})
 * @param setenv environment set by setup
 * @param expandedEnv the variables setup's {@code ${env:...}} named, which bodies see as their conditions' (SPEC 3)
 * @param rankSets each rank expression of the configuration -> whether it matched this rank (the plan cache keys on it)
 */
public record Decision(
        String name,
        int rank,
        Decisions verdicts,
        List<String> units,
        List<String> removing,
        Map<String, List<String>> setopt,
        List<String> overwritten,
        Map<String, String> data,
        Map<String, String> setenv,
        List<String> expandedEnv,
        Map<RankSet, Boolean> rankSets) {

    /** The unit called NAME; empty for a name the configuration does not have. */
    public Optional<Unit> unit(String name) {
        return verdicts.table().unit(name);
    }

    /** The provider of SERVICE (or the unit of that name); empty for an unknown name. */
    public Optional<Unit> provider(String service) {
        return verdicts.provider(service);
    }

    /** Services whose choice among two or more providers was made, by service name. */
    public Map<String, String> alternatives() {
        return verdicts.alternatives();
    }

    /** The units the run asked for that will not run, each with why. */
    public List<SkippedUnits.Skip> skipped() {
        return SkippedUnits.of(verdicts, units, name);
    }

    /** Why each name is enabled, skipped or replaced, in this run (explain). */
    public Explainer explainer() {
        return new Explainer(verdicts, name, RequiresClosure.of(verdicts, verdicts.runnable()));
    }
}
