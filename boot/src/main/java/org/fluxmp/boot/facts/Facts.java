package org.fluxmp.boot.facts;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner may know about the broker: rank, attributes, config, environment and loaded
 * modules. Implementations fetch lazily, so that only facts a decision names are ever read.
 */
public interface Facts {
    int rank();

    Optional<String> attr(String name);

    /** A dotted broker config key as a string (a boolean {@code true} is {@code "true"}). */
    Optional<String> config(String dottedKey);

    /** A broker config table as plain Java values (String, Long, Double, Boolean, List, Map); empty if unset. */
    Map<String, Object> configTable(String dottedKey);

    /** The local environment first, then the broker's. */
    Optional<String> env(String name);

    /** Loaded module name -> the services it offers (its own name first). */
    Map<String, Set<String>> loadedModules();

    /**
     * Asks for the recorded facts QUESTIONS all at once, ahead of their use, where asking costs a
     * round trip to the broker; the answers are kept for the calls that follow. Facts that cost
     * nothing ignore it.
     */
    default void prefetch(java.util.Collection<FactKey> questions) {}

    /** The value of a fact a condition can name ({@link FactKind#CONDITIONS}). */
    default Optional<String> get(FactKind kind, String key) {
        // if, not switch: a switch on an enum costs a class of its own on the boot path
        if (kind == FactKind.ATTR) {
            return attr(key);
        }
        if (kind == FactKind.CONFIG) {
            return config(key);
        }
        if (kind == FactKind.ENV) {
            return env(key);
        }
        throw new IllegalArgumentException("no condition names a fact of kind " + kind);
    }
}
