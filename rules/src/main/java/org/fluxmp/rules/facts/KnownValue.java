package org.fluxmp.rules.facts;

import org.fluxmp.boot.facts.FactKind;

/** A broker fact that is set, fetched because some condition names it. */
public final class KnownValue {
    private final FactKind kind;
    private final String key;
    private final String value;

    public KnownValue(FactKind kind, String key, String value) {
        this.kind = kind;
        this.key = key;
        this.value = value;
    }

    public FactKind getKind() {
        return kind;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KnownValue)) return false;
        KnownValue x = (KnownValue) o;
        return java.util.Objects.equals(kind, x.kind) && java.util.Objects.equals(key, x.key) && java.util.Objects.equals(value, x.value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, key, value);
    }

    @Override
    public String toString() {
        return "KnownValue[" + kind + ", " + key + ", " + value + "]";
    }
}
