package org.fluxmp.rules;

import java.util.Optional;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.FactKind;

/**
 * One needs-attrs / needs-config / needs-env entry: {@code X} (set), {@code !X} (unset),
 * {@code X=V} (equals) or {@code !X=V} (not equal; holds when X is unset).
 */
public record Condition(FactKind kind, String key, boolean negated, String expected) {

    public static Condition parse(FactKind kind, String spec) {
        boolean negated = spec.startsWith("!");
        String body = negated ? spec.substring(1) : spec;
        int eq = body.indexOf('=');
        if (eq < 0) {
            return new Condition(kind, body, negated, null);
        }
        return new Condition(kind, body.substring(0, eq), negated, body.substring(eq + 1));
    }

    /** The fact the condition asks about. */
    public FactKey fact() {
        return new FactKey(kind, key);
    }

    /** Whether the condition holds for a fact's value (empty = unset). */
    public boolean holds(Optional<String> value) {
        boolean positive = expected == null ? value.isPresent() : value.map(expected::equals).orElse(false);
        return negated != positive;
    }

    /** The condition as written, e.g. {@code !content.restore}. */
    public String spec() {
        return (negated ? "!" : "") + key + (expected == null ? "" : "=" + expected);
    }

    /**
     * Why the condition fails for this value, in the words of {@code explain}:
     * {@code needs-attrs content.restore is not set}, {@code needs-env !X: environment variable X is set to "1"}.
     */
    public String failure(Optional<String> value) {
        String subject = kind.key() + " " + spec();
        if (value.isEmpty()) {
            return subject + (expected == null && !negated ? "" : ": " + kind.noun() + " " + key) + " is not set";
        }
        return subject + ": " + kind.noun() + " " + key + " is set to \"" + value.get() + "\"";
    }
}
