package org.fluxmp.rules.facts;

/** The provider selected for a service; {@code viable} is false for the fallback choice. */
public final class Chosen {
    private final String service;
    private final String provider;
    private final boolean viable;
    private final String rule;

    public Chosen(String service, String provider, boolean viable, String rule) {
        this.service = service;
        this.provider = provider;
        this.viable = viable;
        this.rule = rule;
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
