package org.fluxmp.boot.facts;

import java.util.List;

/**
 * The kinds of broker fact a decision can ask: the three a condition can name ({@link
 * #CONDITIONS}), a broker config table (e.g. {@code modules}, which configures modules), and the
 * list of loaded modules (what {@code rc3} removes).
 */
public enum FactKind {
    ATTR("needs-attrs", "attribute", "attr"),
    CONFIG("needs-config", "config key", "config"),
    ENV("needs-env", "environment variable", "env"),
    TABLE(null, "config table", "table"),
    LOADED(null, "loaded modules", "loaded");

    /** The kinds a condition can name ({@code needs-attrs}, {@code needs-config}, {@code needs-env}), in that order. */
    public static final List<FactKind> CONDITIONS = List.of(ATTR, CONFIG, ENV);

    private final String key;
    private final String noun;
    private final String prefix;

    FactKind(String key, String noun, String prefix) {
        this.key = key;
        this.noun = noun;
        this.prefix = prefix;
    }

    /** The config key that lists conditions of this kind, e.g. {@code needs-attrs}; null for a kind no condition names. */
    public String key() {
        return key;
    }

    public String noun() {
        return noun;
    }

    /** The prefix used in {@code ${prefix:NAME}} expansions, and in a fact's text form {@code prefix:NAME}. */
    public String prefix() {
        return prefix;
    }
}
