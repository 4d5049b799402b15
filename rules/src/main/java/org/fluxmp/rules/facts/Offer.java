package org.fluxmp.rules.facts;

/** A unit offers a service: its own name or one of its provides. */
public final class Offer {
    private final String service;
    private final String provider;

    public Offer(String service, String provider) {
        this.service = service;
        this.provider = provider;
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
