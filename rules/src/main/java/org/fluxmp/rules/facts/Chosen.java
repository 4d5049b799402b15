package org.fluxmp.rules.facts;

/**
 * The provider selected for a service; {@code viable} is false for the fallback choice. It keeps
 * the provider's requires, so that the rules expand a setup load without joining the unit.
 */
public final class Chosen {
    private final String service;
    private final String provider;
    private final boolean viable;
    private final String rule;
    private final java.util.List<String> requires;

    public Chosen(String service, String provider, boolean viable, String rule) {
        this(service, provider, viable, rule, java.util.List.of());
    }

    public Chosen(Offer offer, boolean viable, String rule) {
        this(offer.getService(), offer.getProvider(), viable, rule, offer.getRequires());
    }

    private Chosen(String service, String provider, boolean viable, String rule, java.util.List<String> requires) {
        this.service = service;
        this.provider = provider;
        this.viable = viable;
        this.rule = rule;
        this.requires = requires;
    }

    /** The provider's requires (not part of equality: they follow from the provider). */
    public java.util.List<String> getRequires() {
        return requires;
    }

    public String getService() {
        return service;
    }

    public String getProvider() {
        return provider;
    }

    public boolean isViable() {
        return viable;
    }

    public String getRule() {
        return rule;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Chosen)) return false;
        Chosen x = (Chosen) o;
        return java.util.Objects.equals(service, x.service) && java.util.Objects.equals(provider, x.provider) && viable == x.viable && java.util.Objects.equals(rule, x.rule);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(service, provider, viable, rule);
    }

    @Override
    public String toString() {
        return "Chosen[" + service + ", " + provider + ", " + viable + ", " + rule + "]";
    }
}
