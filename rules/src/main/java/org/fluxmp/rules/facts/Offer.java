package org.fluxmp.rules.facts;

import org.fluxmp.rules.Unit;

/**
 * A unit offers a service: its own name or one of its provides. It keeps its unit, so that the
 * rules compare providers without joining their units.
 */
public final class Offer {
    private final String service;
    private final String provider;
    private final Unit unit;

    public Offer(String service, Unit unit) {
        this.service = service;
        this.provider = unit.getName();
        this.unit = unit;
    }

    /** The provider's requires. */
    public java.util.List<String> getRequires() {
        return unit.getRequires();
    }

    /** Whether this provider beats OTHER's: higher (priority, load order). */
    public boolean outranks(Offer other) {
        return unit.outranks(other.unit);
    }

    public String getService() {
        return service;
    }

    public String getProvider() {
        return provider;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Offer)) return false;
        Offer x = (Offer) o;
        return java.util.Objects.equals(service, x.service) && java.util.Objects.equals(provider, x.provider);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(service, provider);
    }

    @Override
    public String toString() {
        return "Offer[" + service + ", " + provider + "]";
    }
}
