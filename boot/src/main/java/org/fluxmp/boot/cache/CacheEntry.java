package org.fluxmp.boot.cache;

import java.util.List;
import java.util.Map;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.boot.plan.Plan;

/**
 * A stored plan with what it was decided from: each broker fact asked (-> its value, null =
 * unset), which rank expressions matched, and the setup steps with their output. A compiled entry
 * (made by {@code compile}, one per rank class) is never evicted by the plans boots store.
 */
public record CacheEntry(Map<FactKey, String> facts, Map<RankSet, Boolean> rankSets, List<SetupRecord> setup,
        StoredPlan stored, boolean compiled) {

    public CacheEntry(Map<FactKey, String> facts, Map<RankSet, Boolean> rankSets, List<SetupRecord> setup, Plan plan) {
        this(facts, rankSets, setup, StoredPlan.of(plan), false);
    }

    /** The plan (decoded on first use). */
    public Plan plan() {
        return stored.plan();
    }

    /** This entry as {@code compile} stores it. */
    public CacheEntry asCompiled() {
        return new CacheEntry(facts, rankSets, setup, stored, true);
    }

    /** What the plan was decided from: an entry with equal inputs replaces this one. */
    List<Object> inputs() {
        return List.of(facts, rankSets, setup);
    }
}
