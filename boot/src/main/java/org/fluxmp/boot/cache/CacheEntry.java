package org.fluxmp.boot.cache;

import java.util.List;
import java.util.Map;
import org.fluxmp.boot.plan.Plan;

/**
 * A stored plan with what it was decided from: each broker fact asked (kind:key -> value, null =
 * unset), which rank expressions matched, and the setup steps with their output.
 */
public record CacheEntry(Map<String, String> facts, Map<String, Boolean> rankSets, List<SetupRecord> setup, Plan plan) {}
