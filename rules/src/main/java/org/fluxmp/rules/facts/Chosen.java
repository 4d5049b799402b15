package org.fluxmp.rules.facts;

import java.util.List;

/**
 * The provider selected for a service; {@code viable} is false for the fallback choice. It keeps
 * the provider's requires, so that the rules expand a setup load without joining the unit.
 */
public record Chosen(String service, String provider, boolean viable, String rule, List<String> requires) {
    public Chosen(Offer offer, boolean viable, String rule) {
        this(offer.service(), offer.provider(), viable, rule, offer.requires());
    }
}
