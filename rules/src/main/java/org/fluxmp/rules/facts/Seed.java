package org.fluxmp.rules.facts;

/** A name the run asks for: an rc task, a setup {@code load}, or a direct requirement of one. */
public final class Seed {
    private final String service;
    private final String via;
    private final boolean fromLoad;

    public Seed(String service, String via, boolean fromLoad) {
        this.service = service;
        this.via = via;
        this.fromLoad = fromLoad;
    }

    public String getService() {
        return service;
    }

    public String getVia() {
        return via;
    }

    public boolean isFromLoad() {
        return fromLoad;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Seed)) return false;
        Seed x = (Seed) o;
        return java.util.Objects.equals(service, x.service) && java.util.Objects.equals(via, x.via) && fromLoad == x.fromLoad;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(service, via, fromLoad);
    }

    @Override
    public String toString() {
        return "Seed[" + service + ", " + via + ", " + fromLoad + "]";
    }
}
