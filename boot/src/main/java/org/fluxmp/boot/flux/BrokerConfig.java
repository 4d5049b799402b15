package org.fluxmp.boot.flux;

import java.util.Map;
import java.util.Optional;

/** The broker's config object, looked up by dotted key as {@code flux config get KEY} does. */
record BrokerConfig(Map<String, Object> doc) {

    /** The value at KEY as a string (a boolean {@code true} is {@code "true"}); empty if unset. */
    Optional<String> value(String dottedKey) {
        Optional<Object> v = lookup(dottedKey);
        return v.isPresent() ? Optional.of(v.get() instanceof String s ? s : String.valueOf(v.get())) : Optional.empty();
    }

    /** The table at KEY; empty if unset or not a table. */
    @SuppressWarnings("unchecked")
    Map<String, Object> table(String dottedKey) {
        Object v = lookup(dottedKey).orElse(null);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    private Optional<Object> lookup(String dottedKey) {
        Object cur = doc;
        for (String part : dottedKey.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            cur = m.get(part);
            if (cur == null) {
                return Optional.empty();
            }
        }
        return Optional.of(cur);
    }
}
