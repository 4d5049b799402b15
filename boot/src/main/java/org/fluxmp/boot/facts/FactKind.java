package org.fluxmp.boot.facts;

/** The three kinds of broker fact a condition can name. */
public enum FactKind {
    ATTR("needs-attrs", "attribute", "attr"),
    CONFIG("needs-config", "config key", "config"),
    ENV("needs-env", "environment variable", "env");

    private final String key;
    private final String noun;
    private final String prefix;

    FactKind(String key, String noun, String prefix) {
        this.key = key;
        this.noun = noun;
        this.prefix = prefix;
    }

    /** The config key that lists conditions of this kind, e.g. {@code needs-attrs}. */
    public String key() {
        return key;
    }

    public String noun() {
        return noun;
    }

    /** The prefix used in {@code ${prefix:NAME}} expansions. */
    public String prefix() {
        return prefix;
    }
}
