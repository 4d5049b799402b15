package org.fluxmp.fuzz;

/**
 * How long each target is fuzzed under {@code mvn verify -Pfuzz} (JAZZER_FUZZ=1): seven targets of
 * 90 seconds, 10.5 minutes in all. A normal build only replays each target's inputs.
 */
public final class FuzzBudget {
    public static final String PER_TARGET = "90s";

    private FuzzBudget() {}
}
