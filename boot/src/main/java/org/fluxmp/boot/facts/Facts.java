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
     * Asks for the recorded facts QUESTIONS ({@code attr:NAME}, {@code config:KEY}, {@code table:KEY},
     * {@code env:NAME}, {@code loaded}) all at once, ahead of their use, where asking costs a round trip
     * to the broker; the answers are kept for the calls that follow. Facts that cost nothing ignore it.
     */
    default void prefetch(java.util.Collection<String> questions) {}

    default Optional<String> get(FactKind kind, String key) {
        switch (kind) {
            case ATTR:
                return attr(key);
            case CONFIG:
                return config(key);
            default:
                return env(key);
        }
    }
}
