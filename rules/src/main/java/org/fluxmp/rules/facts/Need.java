package org.fluxmp.rules.facts;

/** A unit's {@code needs} entry. */
public final class Need {
    private final String owner;
    private final String service;

    public Need(String owner, String service) {
        this.owner = owner;
        this.service = service;
    }

    public String getOwner() {
        return owner;
    }

    public String getService() {
        return service;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Need)) return false;
        Need x = (Need) o;
        return java.util.Objects.equals(owner, x.owner) && java.util.Objects.equals(service, x.service);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(owner, service);
    }

    @Override
    public String toString() {
        return "Need[" + owner + ", " + service + "]";
    }
}
